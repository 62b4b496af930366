package fr.sesame.security;

import fr.sesame.support.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountNotFoundException;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.AttributeMap;
import fr.sesame.directory.DirectoryConnections;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.directory.PeopleDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountThrottleTest {

    private static final String BRUNO = "uid=10000002,ou=people,dc=univ-demo,dc=fr";
    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private EmbeddedDirectory directory;
    private DirectoryConnections connections;
    private PeopleDirectory people;
    private AccountThrottle throttle;

    @BeforeEach
    void startDirectory() {
        directory = EmbeddedDirectory.start(0);
        connections = DirectoryConnections.open(directory.settings());
        people = new PeopleDirectory(connections, AttributeMap.defaults());
        throttle = new AccountThrottle(people, ThrottleSettings.defaults(), clock);
    }

    @AfterEach
    void stopDirectory() {
        connections.close();
        directory.close();
    }

    private Account bruno() {
        return people.getByDn(BRUNO);
    }

    private List<String> failures() {
        return bruno().values(AccountField.FAILURE);
    }

    private void fail(int times, FailureKind kind) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(bruno(), kind);
        }
    }

    @Test
    void theFifthIdentificationFailureLocksTheAccountInTheDirectory() throws Exception {
        fail(4, FailureKind.IDENTIFICATION);
        assertFalse(throttle.isLocked(bruno()));
        assertEquals(4, throttle.recentFailures(bruno(), FailureKind.IDENTIFICATION));

        Optional<Instant> lock = throttle.recordFailure(bruno(), FailureKind.IDENTIFICATION);

        Instant until = START.plus(Duration.ofMinutes(15));
        assertEquals(Optional.of(until), lock);
        assertEquals(Optional.of(until), throttle.lockedUntil(bruno()));
        assertEquals(Account.generalizedTime(until),
                directory.server().getEntry(BRUNO).getAttributeValue("sesameLockedUntil"));
        assertEquals(5, failures().size());
        assertTrue(failures().stream().allMatch(value -> value.startsWith("identification$")), failures().toString());
    }

    @Test
    void theLockEndsWithItsDuration() {
        fail(5, FailureKind.IDENTIFICATION);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertTrue(throttle.isLocked(bruno()));

        clock.advance(Duration.ofSeconds(1));
        assertFalse(throttle.isLocked(bruno()));
        assertEquals(Optional.empty(), throttle.lockedUntil(bruno()));
    }

    @Test
    void failuresThatLeftTheWindowNoLongerCountAndAreRemovedByTheNextFailure() {
        fail(4, FailureKind.IDENTIFICATION);
        clock.advance(Duration.ofMinutes(15));

        Optional<Instant> lock = throttle.recordFailure(bruno(), FailureKind.IDENTIFICATION);

        assertEquals(Optional.empty(), lock);
        assertFalse(throttle.isLocked(bruno()));
        assertEquals(1, failures().size(), "the four old values were deleted in the same modify");
        assertEquals(1, throttle.recentFailures(bruno(), FailureKind.IDENTIFICATION));
    }

    @Test
    void jokerFailuresHaveTheirOwnLimitAndLockDuration() {
        fail(2, FailureKind.JOKER);
        assertFalse(throttle.isLocked(bruno()));

        Optional<Instant> lock = throttle.recordFailure(bruno(), FailureKind.JOKER);

        assertEquals(Optional.of(START.plus(Duration.ofMinutes(30))), lock);
        assertEquals(0, throttle.recentFailures(bruno(), FailureKind.IDENTIFICATION));
        assertEquals(3, throttle.recentFailures(bruno(), FailureKind.JOKER));
    }

    @Test
    void aShorterLockNeverReplacesALongerOne() {
        fail(3, FailureKind.JOKER);
        clock.advance(Duration.ofMinutes(1));

        fail(5, FailureKind.IDENTIFICATION);

        assertEquals(Optional.of(START.plus(Duration.ofMinutes(30))), throttle.lockedUntil(bruno()));
    }

    @Test
    void aFailureOnALockedAccountStillCountsAndExtendsTheLock() {
        fail(5, FailureKind.IDENTIFICATION);
        clock.advance(Duration.ofMinutes(10));

        Optional<Instant> lock = throttle.recordFailure(bruno(), FailureKind.IDENTIFICATION);

        assertEquals(Optional.of(START.plus(Duration.ofMinutes(25))), lock);
        assertEquals(6, throttle.recentFailures(bruno(), FailureKind.IDENTIFICATION));
    }

    @Test
    void clearingForgetsThatKindsFailuresOnly() {
        fail(2, FailureKind.IDENTIFICATION);
        fail(1, FailureKind.JOKER);

        throttle.clear(bruno(), FailureKind.IDENTIFICATION);

        assertEquals(0, throttle.recentFailures(bruno(), FailureKind.IDENTIFICATION));
        assertEquals(1, throttle.recentFailures(bruno(), FailureKind.JOKER));
        assertEquals(1, failures().size());
    }

    @Test
    void clearingRemovesAnExpiredLockButKeepsARunningOne() {
        fail(5, FailureKind.IDENTIFICATION);

        throttle.clear(bruno(), FailureKind.IDENTIFICATION);
        assertTrue(throttle.isLocked(bruno()), "a running lock is not lifted by a success");

        clock.advance(Duration.ofMinutes(15));
        throttle.clear(bruno(), FailureKind.IDENTIFICATION);
        assertFalse(bruno().has(AccountField.LOCKED_UNTIL));
    }

    @Test
    void valuesOfUnknownKindsAndMalformedValuesAreLeftAlone() {
        people.apply(AccountUpdate.of(BRUNO).add(AccountField.FAILURE, "sms$20200101000000Z", "not a failure"));

        fail(1, FailureKind.IDENTIFICATION);
        throttle.clear(bruno(), FailureKind.IDENTIFICATION);

        assertEquals(List.of("sms$20200101000000Z", "not a failure"), failures());
    }

    @Test
    void valuesWrittenWithTheDirectorysOwnTimeFormatAreCounted() {
        people.apply(AccountUpdate.of(BRUNO).add(AccountField.FAILURE,
                "identification$" + Account.generalizedTime(START.minusSeconds(60)),
                "identification$20260901075900Z"));

        assertEquals(2, throttle.recentFailures(bruno(), FailureKind.IDENTIFICATION));
    }

    @Test
    void aSecondPortalOnTheSameDirectorySharesTheCountsAndTheLock() {
        fail(3, FailureKind.IDENTIFICATION);
        try (DirectoryConnections otherConnections = DirectoryConnections.open(directory.settings())) {
            PeopleDirectory otherPeople = new PeopleDirectory(otherConnections, AttributeMap.defaults());
            AccountThrottle otherNode = new AccountThrottle(otherPeople, ThrottleSettings.defaults(), clock);

            otherNode.recordFailure(otherPeople.getByDn(BRUNO), FailureKind.IDENTIFICATION);
            Optional<Instant> lock = otherNode.recordFailure(otherPeople.getByDn(BRUNO), FailureKind.IDENTIFICATION);

            assertEquals(Optional.of(START.plus(Duration.ofMinutes(15))), lock, "3 failures here + 2 there = 5");
        }
        assertTrue(throttle.isLocked(bruno()), "the first node sees the lock the second one set");
    }

    @Test
    void failuresRecordedConcurrentlyAreAllCounted() throws Exception {
        // Old values that every writer will try to delete: all but one of them find them gone and must retry.
        people.apply(AccountUpdate.of(BRUNO).add(AccountField.FAILURE,
                "identification$20260101000000.000Z", "identification$20260102000000.000Z"));
        ThrottleSettings roomy = ThrottleSettings.defaults().with(FailureKind.IDENTIFICATION,
                new ThrottleSettings.AccountLimit(100, Duration.ofMinutes(15), Duration.ofMinutes(15)));
        AccountThrottle shared = new AccountThrottle(people, roomy, clock);
        Account readBeforehand = bruno();
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    return shared.recordFailure(readBeforehand, FailureKind.IDENTIFICATION);
                }));
            }
            go.countDown();
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(writers, shared.recentFailures(bruno(), FailureKind.IDENTIFICATION));
        assertEquals(writers, failures().size(), "the old values are gone: " + failures());
    }

    @Test
    void aFailureForADeletedAccountIsReported() throws Exception {
        Account bruno = bruno();
        directory.server().delete(BRUNO);

        assertThrows(AccountNotFoundException.class, () -> throttle.recordFailure(bruno, FailureKind.IDENTIFICATION));
    }
}
