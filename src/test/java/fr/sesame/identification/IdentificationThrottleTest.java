package fr.sesame.identification;

import fr.sesame.support.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AttributeMap;
import fr.sesame.directory.DirectoryConnections;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.identification.IdentificationResult.AccountLocked;
import fr.sesame.identification.IdentificationResult.ClientThrottled;
import fr.sesame.identification.IdentificationResult.Identified;
import fr.sesame.identification.IdentificationResult.NotRecognised;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.FailureKind;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.security.ThrottleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentificationThrottleTest {

    private static final String BRUNO = "uid=10000002,ou=people,dc=univ-demo,dc=fr";
    private static final String RIGHT = "02/11/2003";
    private static final String WRONG = "03/11/2003";
    private static final String CLIENT = "203.0.113.7";
    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant LOCK_END = START.plus(Duration.ofMinutes(15));

    private final MutableClock clock = new MutableClock(START);
    private EmbeddedDirectory directory;
    private DirectoryConnections connections;
    private PeopleDirectory people;
    private Identification identification;

    @BeforeEach
    void startDirectory() {
        directory = EmbeddedDirectory.start(0);
        connections = DirectoryConnections.open(directory.settings());
        people = new PeopleDirectory(connections, AttributeMap.defaults());
        identification = portal(people, ThrottleSettings.defaults());
    }

    @AfterEach
    void stopDirectory() {
        connections.close();
        directory.close();
    }

    private Identification portal(PeopleDirectory directoryOfThisPortal, ThrottleSettings settings) {
        return new Identification(directoryOfThisPortal, settings, ResponseTimeFloor.none(),
                IdentifierFormats.defaults(), clock);
    }

    private IdentificationResult bruno(String birthDate) {
        return identification.identify(IdentifierKind.STUDENT_NUMBER, "21900002", birthDate, CLIENT);
    }

    private Account brunoInTheDirectory() {
        return people.getByDn(BRUNO);
    }

    private int failures() {
        return new AccountThrottle(people, ThrottleSettings.defaults(), clock)
                .recentFailures(brunoInTheDirectory(), FailureKind.IDENTIFICATION);
    }

    @Test
    void fiveWrongBirthDatesLockTheAccountAndTheSixthAttemptWithTheRightOneIsToldSo() {
        for (int i = 0; i < 5; i++) {
            assertEquals(new NotRecognised(), bruno(WRONG));
        }
        assertEquals(LOCK_END, brunoInTheDirectory().instant(AccountField.LOCKED_UNTIL).orElseThrow());

        assertEquals(new AccountLocked(LOCK_END), bruno(RIGHT));
    }

    @Test
    void aLockedAccountWithAWrongBirthDateIsNotToldLockedAndTheFailureStillCounts() {
        for (int i = 0; i < 5; i++) {
            bruno(WRONG);
        }

        assertEquals(new NotRecognised(), bruno(WRONG));
        assertEquals(6, failures());
    }

    @Test
    void whenTheLockEndsTheRightBirthDateIdentifiesAgainAndTheSlateIsWiped() {
        for (int i = 0; i < 5; i++) {
            bruno(WRONG);
        }
        clock.advance(Duration.ofMinutes(15));

        assertInstanceOf(Identified.class, bruno(RIGHT));
        assertEquals(0, failures());
        assertFalse(brunoInTheDirectory().has(AccountField.LOCKED_UNTIL));
    }

    @Test
    void aSuccessForgetsEarlierWrongBirthDates() {
        bruno(WRONG);
        bruno(WRONG);

        assertInstanceOf(Identified.class, bruno(RIGHT));
        assertEquals(0, failures());
        for (int i = 0; i < 4; i++) {
            bruno(WRONG);
        }
        assertInstanceOf(Identified.class, bruno(RIGHT), "four new failures are below the limit");
    }

    @Test
    void failuresOnTwoPortalsOfOneDirectoryAddUp() {
        for (int i = 0; i < 3; i++) {
            bruno(WRONG);
        }
        try (DirectoryConnections otherConnections = DirectoryConnections.open(directory.settings())) {
            Identification secondNode = portal(new PeopleDirectory(otherConnections, AttributeMap.defaults()),
                    ThrottleSettings.defaults());
            secondNode.identify(IdentifierKind.INE, "234567890CD", WRONG, "198.51.100.2");
            secondNode.identify(IdentifierKind.INE, "234567890CD", WRONG, "198.51.100.2");
        }
        // A portal restarted afresh knows nothing in memory, and still sees the lock.
        Identification restarted = portal(people, ThrottleSettings.defaults());

        assertEquals(new AccountLocked(LOCK_END),
                restarted.identify(IdentifierKind.STUDENT_NUMBER, "21900002", RIGHT, CLIENT));
    }

    @Test
    void aClientIsBlockedAfterItsLimitOfFailuresEvenWithRightDetailsAndFreedAfterTheWindow() {
        Identification strict = portal(people, ThrottleSettings.defaults()
                .with(new ThrottleSettings.ClientLimit(3, Duration.ofMinutes(15), 100)));
        for (String unknown : List.of("21999991", "21999992")) {
            assertEquals(new NotRecognised(), strict.identify(IdentifierKind.STUDENT_NUMBER, unknown, RIGHT, CLIENT));
        }
        clock.advance(Duration.ofMinutes(1));
        strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", WRONG, CLIENT);

        assertEquals(new ClientThrottled(START.plus(Duration.ofMinutes(15))),
                strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", RIGHT, CLIENT));
        assertEquals(new ClientThrottled(START.plus(Duration.ofMinutes(15))),
                strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", WRONG, CLIENT));
        assertEquals(1, failures(), "a throttled attempt reaches neither the directory nor the account's count");
        assertInstanceOf(Identified.class, strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", RIGHT,
                "198.51.100.2"), "another client is not concerned");

        clock.advance(Duration.ofMinutes(14));
        assertInstanceOf(Identified.class, strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", RIGHT, CLIENT));
    }

    @Test
    void malformedInputAndSuccessesDoNotCountAgainstTheClient() {
        Identification strict = portal(people, ThrottleSettings.defaults()
                .with(new ThrottleSettings.ClientLimit(1, Duration.ofMinutes(15), 100)));
        strict.identify(IdentifierKind.STUDENT_NUMBER, "*", RIGHT, CLIENT);
        strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", "31/02/2003", CLIENT);
        strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", RIGHT, CLIENT);

        assertInstanceOf(Identified.class, strict.identify(IdentifierKind.STUDENT_NUMBER, "21900002", RIGHT, CLIENT));
    }
}
