package fr.sesame.security;

import fr.sesame.cluster.Cluster;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * A {@link ClientThrottle} shared by every node of a cluster: each client address's recent failures are one
 * entry of a JCache cache (Payara's Hazelcast), so failures counted by one node block the client on all of them.
 *
 * <p>A failure is recorded without locks: read the entry, compute the next value, and write it only if the entry
 * is still what was read ({@code putIfAbsent} or {@code replace(key, old, new)}), else start again with what
 * another node wrote. No failure is lost. Values are plain strings (epoch milliseconds), which any node reads
 * without the portal's classes.
 *
 * <p>Memory stays bounded: an entry holds at most {@code maxFailures} times and expires one window after its
 * last change, when nothing in it counts any more. Hazelcast also evicts the least recently used entries beyond
 * its default size (10 000 per member); forgetting an address only forgives it, as in {@link InMemoryClientThrottle}.
 */
public class JCacheClientThrottle implements ClientThrottle {

    private static final Logger LOG = Logger.getLogger(JCacheClientThrottle.class.getName());

    /**
     * The start of the cache's name, which ends with the window in milliseconds: nodes configured alike share one
     * cache, and its expiry, fixed by whichever node creates it, is always the window of those who use it.
     */
    public static final String CACHE_NAME_PREFIX = "sesame-client-failures-";

    private final Cache<String, String> failures;
    private final ThrottleSettings.ClientLimit limit;
    private final Clock clock;

    /** The throttle kept in {@code caches}, its cache created by the first node that needs it. */
    public JCacheClientThrottle(CacheManager caches, ThrottleSettings.ClientLimit limit, Clock clock) {
        this.failures = Cluster.cache(caches, CACHE_NAME_PREFIX + limit.window().toMillis(), configuration(limit));
        this.limit = limit;
        this.clock = clock;
    }

    static MutableConfiguration<String, String> configuration(ThrottleSettings.ClientLimit limit) {
        return new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.MILLISECONDS, limit.window().toMillis())));
    }

    @Override
    public Optional<Instant> blockedUntil(String clientAddress) {
        String stored = failures.get(ClientFailures.key(clientAddress));
        return ClientFailures.decode(stored).within(limit, clock.instant()).blockedUntil(limit);
    }

    @Override
    public void recordFailure(String clientAddress) {
        String key = ClientFailures.key(clientAddress);
        while (true) {
            String before = failures.get(key);
            ClientFailures after = ClientFailures.decode(before).recorded(limit, clock.instant());
            boolean written = before == null
                    ? failures.putIfAbsent(key, after.encode())
                    : failures.replace(key, before, after.encode());
            if (written) {
                after.blockedUntil(limit).ifPresent(until -> LOG.info(() -> "Client " + key + " blocked until "
                        + until + " after " + limit.maxFailures() + " failures"));
                return;
            }
        }
    }

    /** The cache itself, for tests. */
    Cache<String, String> cache() {
        return failures;
    }
}
