package fr.sesame.identification;

import fr.sesame.support.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.AttributeMap;
import fr.sesame.directory.DirectoryConnections;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.identification.IdentificationResult.Identified;
import fr.sesame.identification.IdentificationResult.InvalidBirthDate;
import fr.sesame.identification.IdentificationResult.InvalidFormat;
import fr.sesame.identification.IdentificationResult.NotRecognised;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.FailureKind;
import fr.sesame.security.InMemoryClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.security.ThrottleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentificationTest {

    private static final String ALICE = "uid=10000001,ou=people,dc=univ-demo,dc=fr";
    private static final String BRUNO = "uid=10000002,ou=people,dc=univ-demo,dc=fr";
    private static final String CHLOE = "uid=10000003,ou=people,dc=univ-demo,dc=fr";
    private static final String DAVID = "uid=10000004,ou=people,dc=univ-demo,dc=fr";
    private static final String CLIENT = "203.0.113.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));
    private EmbeddedDirectory directory;
    private DirectoryConnections connections;
    private PeopleDirectory people;
    private AccountThrottle accountThrottle;
    private Identification identification;

    @BeforeEach
    void startDirectory() {
        directory = EmbeddedDirectory.start(0);
        connections = DirectoryConnections.open(directory.settings());
        people = new PeopleDirectory(connections, AttributeMap.defaults());
        identification = identificationWith(ResponseTimeFloor.none());
    }

    @AfterEach
    void stopDirectory() {
        connections.close();
        directory.close();
    }

    private Identification identificationWith(ResponseTimeFloor floor) {
        ThrottleSettings settings = ThrottleSettings.defaults();
        accountThrottle = new AccountThrottle(people, settings, clock);
        return new Identification(people, accountThrottle, new InMemoryClientThrottle(settings.client(), clock), floor,
                IdentifierFormats.defaults(), clock);
    }

    private IdentificationResult identify(IdentifierKind kind, String identifier, String birthDate) {
        return identification.identify(kind, identifier, birthDate, CLIENT);
    }

    private static String dnOf(IdentificationResult result) {
        return assertInstanceOf(Identified.class, result).account().dn();
    }

    @Test
    void eachKindOfIdentifierFindsItsDemoPerson() {
        assertEquals(BRUNO, dnOf(identify(IdentifierKind.STUDENT_NUMBER, "21900002", "02/11/2003")));
        assertEquals(BRUNO, dnOf(identify(IdentifierKind.INE, "234567890CD", "02/11/2003")));
        assertEquals(ALICE, dnOf(identify(IdentifierKind.STUDENT_NUMBER, "21900001", "15/03/2004")));
        assertEquals(ALICE, dnOf(identify(IdentifierKind.INE, "123456789AB", "15/03/2004")));
        assertEquals(CHLOE, dnOf(identify(IdentifierKind.STAFF_NUMBER, "004512", "21/07/1985")));
        assertEquals(DAVID, dnOf(identify(IdentifierKind.UID, "10000004", "30/01/1990")));
    }

    @Test
    void theIdentifiedAccountIsThePersonsWholeAccount() {
        IdentificationResult result = identify(IdentifierKind.STUDENT_NUMBER, "21900002", "02/11/2003");

        assertEquals("bruno.petit", assertInstanceOf(Identified.class, result).account().login());
    }

    @Test
    void spacesCaseAndOtherDateSeparatorsDoNotMatter() {
        assertEquals(BRUNO, dnOf(identify(IdentifierKind.INE, "  234567890cd ", "2.11.2003")));
        assertEquals(CHLOE, dnOf(identify(IdentifierKind.STAFF_NUMBER, " 004512", "21-7-1985")));
    }

    @Test
    void anIneWithACheckLetterIdentifiesItsHolder() {
        people.apply(AccountUpdate.of(ALICE).set(AccountField.INE, "1234567890V"));

        assertEquals(ALICE, dnOf(identify(IdentifierKind.INE, "1234567890v", "15/03/2004")));
        assertEquals(new InvalidFormat(IdentifierKind.INE), identify(IdentifierKind.INE, "1234567890W", "15/03/2004"));
    }

    @Test
    void anUnknownNumberAndAWrongBirthDateGetTheSameAnswer() {
        IdentificationResult unknown = identify(IdentifierKind.STUDENT_NUMBER, "21999999", "02/11/2003");
        IdentificationResult wrongBirthDate = identify(IdentifierKind.STUDENT_NUMBER, "21900002", "03/11/2003");

        assertEquals(new NotRecognised(), unknown);
        assertEquals(unknown, wrongBirthDate);
        assertEquals(unknown.messageKey(), wrongBirthDate.messageKey());
    }

    @Test
    void aWrongBirthDateCountsAFailureOnTheAccount() {
        identify(IdentifierKind.STUDENT_NUMBER, "21900002", "03/11/2003");

        assertEquals(1, accountThrottle.recentFailures(people.getByDn(BRUNO), FailureKind.IDENTIFICATION));
    }

    @Test
    void anIdentifierSharedByTwoAccountsIsNotRecognisedEvenWithEitherBirthDate() {
        people.apply(AccountUpdate.of(CHLOE).set(AccountField.STUDENT_NUMBER, "21900002"));

        assertEquals(new NotRecognised(), identify(IdentifierKind.STUDENT_NUMBER, "21900002", "02/11/2003"));
        assertEquals(new NotRecognised(), identify(IdentifierKind.STUDENT_NUMBER, "21900002", "21/07/1985"));
    }

    @Test
    void anAccountWithoutABirthDateIsNeverIdentified() {
        people.apply(AccountUpdate.of(BRUNO).clear(AccountField.BIRTH_DATE));

        assertEquals(new NotRecognised(), identify(IdentifierKind.STUDENT_NUMBER, "21900002", "02/11/2003"));
    }

    @Test
    void aFailureTheDirectoryCannotRecordStillAnswersNotRecognised() throws Exception {
        // No sesameAccount object class: the directory refuses sesameFailure values on this entry.
        directory.server().add("dn: uid=10000099,ou=people,dc=univ-demo,dc=fr", "objectClass: inetOrgPerson",
                "objectClass: supannPerson", "objectClass: schacPersonalCharacteristics", "uid: 10000099",
                "cn: Sans Compte", "sn: Compte", "supannEtuId: 21900099", "schacDateOfBirth: 20010101");

        assertEquals(new NotRecognised(), identify(IdentifierKind.STUDENT_NUMBER, "21900099", "02/01/2001"));
        assertEquals("uid=10000099,ou=people,dc=univ-demo,dc=fr",
                dnOf(identify(IdentifierKind.STUDENT_NUMBER, "21900099", "01/01/2001")));
    }

    @Test
    void theRightIdentifierOfAnotherKindIsNotRecognised() {
        assertEquals(new NotRecognised(), identify(IdentifierKind.STAFF_NUMBER, "21900002", "02/11/2003"));
    }

    @Test
    void ldapFilterCharactersInAnIdentifierAreRefusedBeforeAnySearch() {
        for (IdentifierKind kind : IdentifierKind.values()) {
            for (String attack : List.of("*", "2190*", "x)(uid=*", "21900002)(|(uid=*", "\\2a", "10000002\\")) {
                assertEquals(new InvalidFormat(kind), identify(kind, attack, "02/11/2003"), kind + " " + attack);
            }
        }
    }

    @Test
    void malformedInputIsToldAtOnceWithoutAskingTheDirectory() {
        DirectoryConnections dead = DirectoryConnections.open(
                directory.settings().pointedAt(List.of("ldap://127.0.0.1:1"), "cn=x", "y"));
        try (dead) {
            PeopleDirectory unreachable = new PeopleDirectory(dead, AttributeMap.defaults());
            ThrottleSettings oneFailureBlocks = ThrottleSettings.defaults()
                    .with(new ThrottleSettings.ClientLimit(1, Duration.ofMinutes(15), 100));
            Identification offline = new Identification(unreachable, oneFailureBlocks, ResponseTimeFloor.none(),
                    IdentifierFormats.defaults(), clock);

            assertEquals(new InvalidFormat(IdentifierKind.STUDENT_NUMBER),
                    offline.identify(IdentifierKind.STUDENT_NUMBER, "2190000A", "02/11/2003", CLIENT));
            assertEquals(new InvalidFormat(IdentifierKind.INE),
                    offline.identify(IdentifierKind.INE, null, "02/11/2003", CLIENT));
            assertEquals(new InvalidBirthDate(),
                    offline.identify(IdentifierKind.STUDENT_NUMBER, "21900002", "31/02/2003", CLIENT));
            assertEquals(new InvalidBirthDate(),
                    offline.identify(IdentifierKind.STUDENT_NUMBER, "21900002", "", CLIENT));
            // None of them counted against the client (one failure would block it): this one reaches the directory.
            assertThrows(DirectoryUnavailableException.class,
                    () -> offline.identify(IdentifierKind.STUDENT_NUMBER, "21900002", "02/11/2003", CLIENT));
        }
    }

    @Test
    void anUnknownIdentifierAndAWrongBirthDateBothTakeAtLeastTheFloor() {
        Duration floor = Duration.ofMillis(300);
        Identification timed = identificationWith(new ResponseTimeFloor(floor));
        timed.identify(IdentifierKind.STUDENT_NUMBER, "21900001", "15/03/2004", CLIENT);

        long unknown = nanosToIdentify(timed, "21999999", "02/11/2003");
        long wrongBirthDate = nanosToIdentify(timed, "21900002", "03/11/2003");
        long right = nanosToIdentify(timed, "21900002", "02/11/2003");

        assertTrue(unknown >= floor.toNanos(), "unknown: " + unknown);
        assertTrue(wrongBirthDate >= floor.toNanos(), "wrong birth date: " + wrongBirthDate);
        assertTrue(right >= floor.toNanos(), "right: " + right);
        // The floor covers the known account's extra modify: the two failures take about as long.
        assertTrue(Math.abs(unknown - wrongBirthDate) < Duration.ofMillis(150).toNanos(),
                "unknown " + unknown + " vs wrong birth date " + wrongBirthDate);
    }

    private static long nanosToIdentify(Identification timed, String studentNumber, String birthDate) {
        long start = System.nanoTime();
        timed.identify(IdentifierKind.STUDENT_NUMBER, studentNumber, birthDate, CLIENT);
        return System.nanoTime() - start;
    }
}
