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
import fr.sesame.support.Slapd;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory layer against a real OpenLDAP loaded with {@code ldap-schema/} as an administrator would. */
class PeopleDirectoryOnSlapdIT {

    private static final String CHLOE = "uid=10000003,ou=people,dc=univ-demo,dc=fr";

    private Slapd slapd;
    private DirectoryConnections connections;
    private PeopleDirectory people;

    @BeforeEach
    void start() {
        slapd = Slapd.start();
        DirectorySettings settings = slapd.serviceSettings();
        connections = DirectoryConnections.open(settings);
        people = new PeopleDirectory(connections, AttributeMap.defaults());
    }

    @AfterEach
    void stop() {
        connections.close();
        slapd.close();
    }

    @Test
    void aPasswordWrittenByThePortalIsAcceptedBySlapdOnASimpleBindAndTheOldOneIsNot() throws LDAPException {
        Account chloe = people.findBy(AccountField.STAFF_NUMBER, "004512").orElseThrow();
        String hash = new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 50_000).hash("Nouveau-Sesame-42");

        people.apply(AccountUpdate.of(chloe).set(AccountField.PASSWORD, hash));

        try (LDAPConnection bind = slapd.connect()) {
            assertEquals(ResultCode.SUCCESS, bind.bind(CHLOE, "Nouveau-Sesame-42").getResultCode());
        }
        try (LDAPConnection bind = slapd.connect()) {
            LDAPException refused = assertThrows(LDAPException.class, () -> bind.bind(CHLOE, "Rentree-2026!"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, refused.getResultCode());
        }
        assertTrue(people.passwordMatches(chloe, "Nouveau-Sesame-42"));
        assertFalse(people.passwordMatches(chloe, "Rentree-2026!"));
        try (LDAPConnection admin = slapd.connectAsAdmin()) {
            assertTrue(admin.getEntry(CHLOE, "userPassword").getAttributeValue("userPassword")
                    .startsWith("{CRYPT}$6$rounds=50000$"), "stored as the portal hashed it");
        }
    }

    @Test
    void thePortalsAttributesAreWrittenAndReadBackInOneModify() {
        Account chloe = people.getByDn(CHLOE);
        String now = Account.generalizedTime(java.time.Instant.parse("2026-09-01T08:00:00Z"));

        people.apply(AccountUpdate.of(chloe)
                .set(AccountField.JOKER_QUESTION, "Ville de naissance ?")
                .set(AccountField.JOKER_ANSWER, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g")
                .set(AccountField.PHOTO_CONSENT, false)
                .set(AccountField.DIRECTORY_HIDDEN, true)
                .set(AccountField.CHARTER_ACCEPTED_AT, now)
                .add(AccountField.TOKEN, "reset$20260901200000Z$$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"));

        Account after = people.getByDn(CHLOE);
        assertEquals(Optional.of("Ville de naissance ?"), after.value(AccountField.JOKER_QUESTION));
        assertFalse(after.isTrue(AccountField.PHOTO_CONSENT));
        assertTrue(after.isTrue(AccountField.DIRECTORY_HIDDEN));
        assertEquals(1, after.values(AccountField.TOKEN).size());
        assertEquals(Optional.of(java.time.Instant.parse("2026-09-01T08:00:00Z")),
                after.instant(AccountField.CHARTER_ACCEPTED_AT));
    }

    @Test
    void slapdRejectsTheWholeModifyWhenOnePartIsInvalid() {
        Account chloe = people.getByDn(CHLOE);

        assertThrows(DirectoryException.class, () -> people.apply(AccountUpdate.of(chloe)
                .set(AccountField.MOBILE, "+33699999999")
                .set(AccountField.LOCKED_UNTIL, "tomorrow")));

        assertEquals(chloe.values(AccountField.MOBILE), people.getByDn(CHLOE).values(AccountField.MOBILE));
    }

    @Test
    void slapdHonoursTheAssertionThatGuardsAgainstAConcurrentChange() {
        Account readBefore = people.getByDn(CHLOE);
        people.apply(AccountUpdate.of(readBefore).set(AccountField.MOBILE, "+33611111111"));

        assertThrows(ConcurrentChangeException.class, () -> people.apply(AccountUpdate.of(readBefore)
                .expectingUnchanged(readBefore, AccountField.MOBILE)
                .set(AccountField.MOBILE, "+33622222222")));

        assertEquals(Optional.of("+33611111111"), people.getByDn(CHLOE).value(AccountField.MOBILE));
    }

    @Test
    void identifiersAreFoundWithEscapedFiltersOnSlapdToo() {
        assertEquals(CHLOE, people.findBy(AccountField.LOGIN, "chloe.durand").orElseThrow().dn());
        assertTrue(people.findBy(AccountField.LOGIN, "chloe*").isEmpty());
        assertTrue(people.findBy(AccountField.LOGIN, "x)(uid=*").isEmpty());
    }
}
