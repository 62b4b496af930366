package fr.sesame.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import fr.sesame.support.HazelcastExtension;
import fr.sesame.support.HazelcastPair;
import fr.sesame.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-client throttle shared through JCache, on two real Hazelcast members as two portal nodes have. */
@ExtendWith(HazelcastExtension.class)
class JCacheClientThrottleTest {

    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String CLIENT = "203.0.113.7";

    private final MutableClock clock = new MutableClock(START);
    private HazelcastPair cluster;

    @BeforeEach
    void forgetEveryClient(HazelcastPair pair) {
        cluster = pair;
        onFirstNode(3).cache().clear();
    }

    private JCacheClientThrottle onFirstNode(int maxFailures) {
        return new JCacheClientThrottle(cluster.first(), limit(maxFailures, WINDOW), clock);
    }

    private JCacheClientThrottle onSecondNode(int maxFailures) {
        return new JCacheClientThrottle(cluster.second(), limit(maxFailures, WINDOW), clock);
    }

    private static ThrottleSettings.ClientLimit limit(int maxFailures, Duration window) {
        return new ThrottleSettings.ClientLimit(maxFailures, window, 10_000);
    }

    @Test
    void failuresCountedByOneNodeBlockTheClientOnTheOther() {
        JCacheClientThrottle first = onFirstNode(3);
        JCacheClientThrottle second = onSecondNode(3);

        first.recordFailure(CLIENT);
        clock.advance(Duration.ofMinutes(1));
        second.recordFailure(CLIENT);
        assertEquals(Optional.empty(), first.blockedUntil(CLIENT));

        first.recordFailure(CLIENT);

        assertEquals(Optional.of(START.plus(WINDOW)), second.blockedUntil(CLIENT));
        assertEquals(Optional.of(START.plus(WINDOW)), first.blockedUntil(CLIENT));
        assertEquals(Optional.empty(), second.blockedUntil("198.51.100.1"), "other clients are not concerned");
    }

    @Test
    void aBlockedClientIsFreedWhenItsOldestFailureLeavesTheWindow() {
        JCacheClientThrottle first = onFirstNode(2);
        JCacheClientThrottle second = onSecondNode(2);
        first.recordFailure(CLIENT);
        clock.advance(Duration.ofMinutes(5));
        second.recordFailure(CLIENT);

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertTrue(second.blockedUntil(CLIENT).isPresent(), "still blocked one second before");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), second.blockedUntil(CLIENT));
        first.recordFailure(CLIENT);
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(20))), second.blockedUntil(CLIENT),
                "the failure five minutes in and the new one block again");
    }

    @Test
    void requestsWithoutAnAddressShareOneWindowRatherThanEscapeCounting() {
        onFirstNode(2).recordFailure(null);
        onSecondNode(2).recordFailure(" ");

        assertTrue(onFirstNode(2).blockedUntil("").isPresent());
    }

    @Test
    void failuresRecordedAtOnceOnBothNodesAreAllCounted() throws Exception {
        JCacheClientThrottle first = onFirstNode(201);
        JCacheClientThrottle second = onSecondNode(201);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (JCacheClientThrottle node : List.of(first, second, first, second)) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        node.recordFailure(CLIENT);
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Optional.empty(), second.blockedUntil(CLIENT), "200 failures, limit 201");

        first.recordFailure(CLIENT);

        assertTrue(second.blockedUntil(CLIENT).isPresent(), "the 201st failure blocks");
    }

    @Test
    void anEntryKeepsNoMoreTimesThanTheLimitNeeds() {
        JCacheClientThrottle first = onFirstNode(3);
        for (int i = 0; i < 10; i++) {
            first.recordFailure(CLIENT);
            clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(3, onSecondNode(3).cache().get(CLIENT).split(",").length);
        assertEquals(Optional.of(START.plusSeconds(7).plus(WINDOW)), onSecondNode(3).blockedUntil(CLIENT));
    }

    @Test
    void anEntryExpiresOneWindowAfterItsLastFailure() throws Exception {
        Duration window = Duration.ofMillis(800);
        JCacheClientThrottle first = new JCacheClientThrottle(cluster.first(), limit(3, window), Clock.systemUTC());
        first.recordFailure("192.0.2.44");
        assertTrue(first.cache().containsKey("192.0.2.44"));

        Thread.sleep(window.toMillis() + 400);

        assertFalse(first.cache().containsKey("192.0.2.44"));
    }

    @Test
    void hazelcastAlsoBoundsTheCacheToTheLeastRecentlyUsedTenThousandEntriesPerMember() {
        @SuppressWarnings("unchecked")
        CacheConfig<String, String> config = onSecondNode(3).cache().getConfiguration(CacheConfig.class);

        assertEquals(10_000, config.getEvictionConfig().getSize());
        assertEquals(MaxSizePolicy.ENTRY_COUNT, config.getEvictionConfig().getMaxSizePolicy());
        assertEquals(EvictionPolicy.LRU, config.getEvictionConfig().getEvictionPolicy());
    }
}
