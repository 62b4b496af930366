package fr.sesame.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A {@link ClientThrottle} for one node: a sliding window of failure times per client address, in memory.
 *
 * <p>Memory is bounded twice: each address keeps at most {@code maxFailures} times (older ones cannot change
 * the answer), and at most {@code maxTrackedClients} addresses are kept, the least recently seen being
 * forgotten first; addresses whose window emptied are swept as they are met. Forgetting an address under a
 * flood of distinct addresses only forgives it: the directory's per-account locks still hold.
 */
public class InMemoryClientThrottle implements ClientThrottle {

    private static final Logger LOG = Logger.getLogger(InMemoryClientThrottle.class.getName());

    private final ThrottleSettings.ClientLimit limit;
    private final Clock clock;
    private final LinkedHashMap<String, ClientFailures> failures;

    public InMemoryClientThrottle(ThrottleSettings.ClientLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ClientFailures> eldest) {
                return size() > limit.maxTrackedClients();
            }
        };
    }

    @Override
    public Optional<Instant> blockedUntil(String clientAddress) {
        Instant now = clock.instant();
        String key = ClientFailures.key(clientAddress);
        synchronized (failures) {
            ClientFailures stored = failures.get(key);
            if (stored == null) {
                return Optional.empty();
            }
            ClientFailures recent = stored.within(limit, now);
            if (recent.isEmpty()) {
                failures.remove(key);
            }
            return recent.blockedUntil(limit);
        }
    }

    @Override
    public void recordFailure(String clientAddress) {
        Instant now = clock.instant();
        String key = ClientFailures.key(clientAddress);
        synchronized (failures) {
            ClientFailures after = failures.getOrDefault(key, ClientFailures.NONE).recorded(limit, now);
            failures.put(key, after);
            after.blockedUntil(limit).ifPresent(until -> LOG.info(() -> "Client " + key + " blocked until " + until
                    + " after " + limit.maxFailures() + " failures"));
            sweepOldest(now);
        }
    }

    /** How many addresses are remembered (for tests and monitoring). */
    public int trackedClients() {
        synchronized (failures) {
            return failures.size();
        }
    }

    /** Drops the least recently seen addresses whose window has emptied, stopping at the first still counting. */
    private void sweepOldest(Instant now) {
        Iterator<ClientFailures> eldestFirst = failures.values().iterator();
        while (eldestFirst.hasNext()) {
            if (!eldestFirst.next().within(limit, now).isEmpty()) {
                return;
            }
            eldestFirst.remove();
        }
    }
}
