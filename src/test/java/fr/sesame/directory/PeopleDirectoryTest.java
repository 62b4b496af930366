package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.UserPasswordHasher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleDirectoryTest {

    private static final String BRUNO = "uid=10000002,ou=people,dc=univ-demo,dc=fr";

    private EmbeddedDirectory directory;
    private DirectoryConnections connections;
    private PeopleDirectory people;

    @BeforeEach
    void startDirectory() {
        directory = EmbeddedDirectory.start(0);
        connections = DirectoryConnections.open(directory.settings());
        people = new PeopleDirectory(connections, AttributeMap.defaults());
    }

    @AfterEach
    void stopDirectory() {
        connections.close();
        directory.close();
    }

    @Test
    void findsAPersonByEachKindOfIdentifier() {
        assertEquals(BRUNO, people.findBy(AccountField.LOGIN, "bruno.petit").orElseThrow().dn());
        assertEquals(BRUNO, people.findBy(AccountField.STUDENT_NUMBER, "21900002").orElseThrow().dn());
        assertEquals(BRUNO, people.findBy(AccountField.INE, "234567890CD").orElseThrow().dn());
        assertEquals(BRUNO, people.findBy(AccountField.UID, "10000002").orElseThrow().dn());
        assertEquals("chloe.durand", people.findBy(AccountField.STAFF_NUMBER, "004512").orElseThrow().login());
    }

    @Test
    void mapsTheEntryToTheAccountsWords() {
        Account bruno = people.findBy(AccountField.LOGIN, "bruno.petit").orElseThrow();

        assertEquals("bruno.petit", bruno.login());
        assertEquals("Bruno Petit", bruno.displayName());
        assertEquals(Optional.of(LocalDate.of(2003, 11, 2)), bruno.birthDate());
        assertEquals(Optional.of("bruno.petit@perso.example.org"), bruno.personalEmail());
        assertTrue(bruno.accountAllowed());
        assertTrue(bruno.instant(AccountField.ACTIVATED_AT).isPresent());
    }

    @Test
    void anInactiveSupannAccountIsNotAllowed() {
        assertFalse(people.findBy(AccountField.LOGIN, "emma.bernard").orElseThrow().accountAllowed());
    }

    @Test
    void filterCharactersInAnIdentifierAreMatchedLiterallyNeverAsFilterSyntax() {
        assertTrue(people.findBy(AccountField.LOGIN, "*").isEmpty());
        assertTrue(people.findBy(AccountField.LOGIN, "bruno*").isEmpty());
        assertTrue(people.findBy(AccountField.LOGIN, "x)(uid=*").isEmpty());
        assertTrue(people.findBy(AccountField.LOGIN, "bruno.petit)(|(uid=*").isEmpty());
        assertTrue(people.findBy(AccountField.LOGIN, "\\2a").isEmpty());
        assertTrue(people.findBy(AccountField.LOGIN, "  ").isEmpty());
    }

    @Test
    void anIdentifierSharedByTwoEntriesResolvesToNobody() throws Exception {
        directory.server().add("dn: uid=99999999,ou=people,dc=univ-demo,dc=fr", "objectClass: inetOrgPerson",
                "uid: 99999999", "cn: Copy", "sn: Copy", "mail: copy@univ-demo.fr");
        directory.server().modify("dn: uid=99999999,ou=people,dc=univ-demo,dc=fr", "changetype: modify",
                "replace: mail", "mail: bruno.petit@univ-demo.fr");

        assertTrue(people.findBy(AccountField.INSTITUTIONAL_EMAIL, "bruno.petit@univ-demo.fr").isEmpty());
        assertEquals(2, people.findAllBy(AccountField.INSTITUTIONAL_EMAIL, "bruno.petit@univ-demo.fr", 10).size());
    }

    @Test
    void severalFieldsAreWrittenTogetherInOneModify() {
        Account bruno = people.getByDn(BRUNO);
        String now = Account.generalizedTime(Instant.parse("2026-09-01T08:00:00Z"));

        people.apply(AccountUpdate.of(bruno)
                .set(AccountField.JOKER_QUESTION, "Ville de naissance ?")
                .set(AccountField.SMS_CONSENT, true)
                .set(AccountField.MOBILE, "+33612345678")
                .set(AccountField.CHARTER_ACCEPTED_AT, now)
                .add(AccountField.FAILURE, "joker$" + now));

        Account after = people.getByDn(BRUNO);
        assertEquals(Optional.of("Ville de naissance ?"), after.value(AccountField.JOKER_QUESTION));
        assertTrue(after.isTrue(AccountField.SMS_CONSENT));
        assertEquals(Optional.of("+33612345678"), after.value(AccountField.MOBILE));
        assertEquals(Optional.of(Instant.parse("2026-09-01T08:00:00Z")), after.instant(AccountField.CHARTER_ACCEPTED_AT));
        assertEquals(List.of("joker$" + now), after.values(AccountField.FAILURE));
    }

    @Test
    void aWriteTheDirectoryRefusesChangesNothingAtAll() {
        Account bruno = people.getByDn(BRUNO);

        DirectoryException refused = assertThrows(DirectoryException.class, () -> people.apply(AccountUpdate.of(bruno)
                .set(AccountField.MOBILE, "+33700000000")
                .set(AccountField.ACTIVATED_AT, "not a time")));

        assertFalse(refused instanceof DirectoryUnavailableException);
        assertEquals(bruno.values(AccountField.MOBILE), people.getByDn(BRUNO).values(AccountField.MOBILE));
        assertEquals(bruno.values(AccountField.ACTIVATED_AT), people.getByDn(BRUNO).values(AccountField.ACTIVATED_AT));
    }

    @Test
    void aWriteGuardedByWhatWasReadFailsWhenTheEntryChangedMeanwhile() {
        Account readBefore = people.getByDn(BRUNO);
        people.apply(AccountUpdate.of(readBefore).set(AccountField.JOKER_QUESTION, "Changed elsewhere"));

        assertThrows(ConcurrentChangeException.class, () -> people.apply(AccountUpdate.of(readBefore)
                .expectingUnchanged(readBefore, AccountField.JOKER_QUESTION)
                .set(AccountField.JOKER_QUESTION, "Mine")));

        assertEquals(Optional.of("Changed elsewhere"), people.getByDn(BRUNO).value(AccountField.JOKER_QUESTION));
        Account readNow = people.getByDn(BRUNO);
        people.apply(AccountUpdate.of(readNow)
                .expectingUnchanged(readNow, AccountField.JOKER_QUESTION)
                .set(AccountField.JOKER_QUESTION, "Mine"));
        assertEquals(Optional.of("Mine"), people.getByDn(BRUNO).value(AccountField.JOKER_QUESTION));
    }

    @Test
    void aPasswordWrittenHashedByThePortalIsAcceptedOnBindAndTheOldOneIsNot() throws LDAPException {
        Account bruno = people.getByDn(BRUNO);
        assertTrue(people.passwordMatches(bruno, "Rentree-2026!"));
        String hash = new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000).hash("Nouveau-Sesame-42");

        people.apply(AccountUpdate.of(bruno).set(AccountField.PASSWORD, hash));

        assertTrue(people.passwordMatches(bruno, "Nouveau-Sesame-42"));
        assertFalse(people.passwordMatches(bruno, "Rentree-2026!"));
        assertFalse(people.passwordMatches(bruno, ""));
        String stored = directory.server().getEntry(BRUNO).getAttributeValue("userPassword");
        assertTrue(stored.startsWith("{CRYPT}$6$rounds=5000$"), "stored hashed, never in clear");
        try (LDAPConnection direct = new LDAPConnection("127.0.0.1", directory.port())) {
            assertEquals(ResultCode.SUCCESS, direct.bind(BRUNO, "Nouveau-Sesame-42").getResultCode());
        }
    }

    @Test
    void aClearPasswordWrittenByAnyoneIsStoredHashedByTheEmbeddedDirectory() throws LDAPException {
        directory.server().modify(BRUNO, new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "userPassword", "Clear-Text-Value-1"));

        String stored = directory.server().getEntry(BRUNO).getAttributeValue("userPassword");
        assertTrue(stored.startsWith("{CRYPT}$6$"), stored);
        assertTrue(people.passwordMatches(people.getByDn(BRUNO), "Clear-Text-Value-1"));
    }

    @Test
    void aPersonsBindNeverChangesTheServiceAccountsIdentity() {
        Account bruno = people.getByDn(BRUNO);
        assertTrue(people.passwordMatches(bruno, "Rentree-2026!"));

        people.apply(AccountUpdate.of(people.getByDn("uid=10000003,ou=people,dc=univ-demo,dc=fr"))
                .set(AccountField.MOBILE, "+33611111111"));

        assertEquals(Optional.of("+33611111111"),
                people.findBy(AccountField.LOGIN, "chloe.durand").orElseThrow().value(AccountField.MOBILE));
    }

    @Test
    void anUnreachableDirectoryIsReportedAsUnavailableNotAsAMissingPerson() {
        DirectorySettings nowhere = directory.settings()
                .pointedAt(List.of("ldap://127.0.0.1:1"), "cn=x", "y");
        try (DirectoryConnections dead = DirectoryConnections.open(nowhere)) {
            PeopleDirectory unreachable = new PeopleDirectory(dead, AttributeMap.defaults());

            assertThrows(DirectoryUnavailableException.class,
                    () -> unreachable.findBy(AccountField.LOGIN, "bruno.petit"));
        }
    }

    @Test
    void failsOverToTheNextServerWhenTheFirstIsDown() {
        DirectorySettings twoServers = directory.settings();
        DirectorySettings firstDown = twoServers.pointedAt(List.of("ldap://127.0.0.1:1", directory.url()),
                twoServers.bindDn(), twoServers.bindPassword());
        try (DirectoryConnections failover = DirectoryConnections.open(firstDown)) {
            PeopleDirectory peopleViaFailover = new PeopleDirectory(failover, AttributeMap.defaults());

            assertTrue(peopleViaFailover.findBy(AccountField.LOGIN, "bruno.petit").isPresent());
        }
    }

    @Test
    void aDeletedAccountIsNotFound() throws LDAPException {
        directory.server().delete(BRUNO);

        assertTrue(people.findByDn(BRUNO).isEmpty());
        assertThrows(AccountNotFoundException.class, () -> people.getByDn(BRUNO));
        assertThrows(AccountNotFoundException.class,
                () -> people.apply(AccountUpdate.of(BRUNO).set(AccountField.MOBILE, "+33600000000")));
    }
}
