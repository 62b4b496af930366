package fr.sesame.security;

import fr.sesame.support.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryClientThrottleTest {

    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(START);

    private InMemoryClientThrottle throttle(int maxFailures, int maxTracked) {
        return new InMemoryClientThrottle(new ThrottleSettings.ClientLimit(maxFailures, WINDOW, maxTracked), clock);
    }

    @Test
    void aClientIsBlockedOnceItReachesTheLimitAndNotBefore() {
        InMemoryClientThrottle throttle = throttle(3, 100);

        throttle.recordFailure("203.0.113.7");
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure("203.0.113.7");
        assertEquals(Optional.empty(), throttle.blockedUntil("203.0.113.7"));

        throttle.recordFailure("203.0.113.7");

        assertEquals(Optional.of(START.plus(WINDOW)), throttle.blockedUntil("203.0.113.7"));
        assertEquals(Optional.empty(), throttle.blockedUntil("198.51.100.1"), "other clients are not concerned");
    }

    @Test
    void aBlockedClientIsFreedWhenItsOldestFailureLeavesTheWindow() {
        InMemoryClientThrottle throttle = throttle(2, 100);
        throttle.recordFailure("203.0.113.7");
        clock.advance(Duration.ofMinutes(5));
        throttle.recordFailure("203.0.113.7");
        Instant freeAt = START.plus(WINDOW);
        assertEquals(Optional.of(freeAt), throttle.blockedUntil("203.0.113.7"));

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertTrue(throttle.blockedUntil("203.0.113.7").isPresent(), "still blocked one second before");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), throttle.blockedUntil("203.0.113.7"));
    }

    @Test
    void theWindowSlidesSoAFailureAfterTheFirstLeftDoesNotBlock() {
        InMemoryClientThrottle throttle = throttle(2, 100);
        throttle.recordFailure("203.0.113.7");
        clock.advance(WINDOW);

        throttle.recordFailure("203.0.113.7");

        assertEquals(Optional.empty(), throttle.blockedUntil("203.0.113.7"));
    }

    @Test
    void requestsWithoutAnAddressShareOneWindowRatherThanEscapeCounting() {
        InMemoryClientThrottle throttle = throttle(2, 100);
        throttle.recordFailure(null);
        throttle.recordFailure(" ");

        assertTrue(throttle.blockedUntil("").isPresent());
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfAddresses() {
        InMemoryClientThrottle throttle = throttle(5, 50);

        for (int i = 0; i < 10_000; i++) {
            throttle.recordFailure("10.0." + (i / 256) + "." + (i % 256));
        }

        assertEquals(50, throttle.trackedClients());
    }

    @Test
    void addressesWhoseFailuresExpiredAreForgotten() {
        InMemoryClientThrottle throttle = throttle(5, 100);
        throttle.recordFailure("203.0.113.7");
        throttle.recordFailure("203.0.113.8");
        clock.advance(WINDOW.plusSeconds(1));

        throttle.recordFailure("203.0.113.9");

        assertEquals(1, throttle.trackedClients());
    }

    @Test
    void failuresRecordedConcurrentlyAreAllCounted() throws Exception {
        InMemoryClientThrottle throttle = throttle(1000, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(pool.submit(() -> {
                    for (int j = 0; j < 99; j++) {
                        throttle.recordFailure("203.0.113.7");
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Optional.empty(), throttle.blockedUntil("203.0.113.7"), "792 failures, limit 1000");

        for (int i = 0; i < 208; i++) {
            throttle.recordFailure("203.0.113.7");
        }

        assertTrue(throttle.blockedUntil("203.0.113.7").isPresent(), "the 1000th failure blocks");
    }
}
