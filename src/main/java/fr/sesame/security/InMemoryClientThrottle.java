package fr.sesame.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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

    /** The key of requests whose address is unknown: they share one window rather than escape counting. */
    static final String UNKNOWN_CLIENT = "unknown";

    private final ThrottleSettings.ClientLimit limit;
    private final Clock clock;
    private final LinkedHashMap<String, Deque<Instant>> failures;

    public InMemoryClientThrottle(ThrottleSettings.ClientLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > limit.maxTrackedClients();
            }
        };
    }

    @Override
    public Optional<Instant> blockedUntil(String clientAddress) {
        Instant now = clock.instant();
        synchronized (failures) {
            Deque<Instant> times = failures.get(key(clientAddress));
            if (times == null) {
                return Optional.empty();
            }
            prune(times, now);
            if (times.isEmpty()) {
                failures.remove(key(clientAddress));
                return Optional.empty();
            }
            // Keeping only the last maxFailures times, the client is free again when the oldest leaves the window.
            return times.size() >= limit.maxFailures()
                    ? Optional.of(times.peekFirst().plus(limit.window()))
                    : Optional.empty();
        }
    }

    @Override
    public void recordFailure(String clientAddress) {
        Instant now = clock.instant();
        synchronized (failures) {
            Deque<Instant> times = failures.computeIfAbsent(key(clientAddress), address -> new ArrayDeque<>());
            prune(times, now);
            times.addLast(now);
            while (times.size() > limit.maxFailures()) {
                times.removeFirst();
            }
            if (times.size() == limit.maxFailures()) {
                Instant until = times.peekFirst().plus(limit.window());
                LOG.info(() -> "Client " + key(clientAddress) + " blocked until " + until + " after "
                        + limit.maxFailures() + " failures");
            }
            sweepOldest(now);
        }
    }

    /** How many addresses are remembered (for tests and monitoring). */
    public int trackedClients() {
        synchronized (failures) {
            return failures.size();
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant windowStart = now.minus(limit.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.removeFirst();
        }
    }

    /** Drops the least recently seen addresses whose window has emptied, stopping at the first still counting. */
    private void sweepOldest(Instant now) {
        Iterator<Deque<Instant>> eldestFirst = failures.values().iterator();
        while (eldestFirst.hasNext()) {
            Deque<Instant> times = eldestFirst.next();
            prune(times, now);
            if (!times.isEmpty()) {
                return;
            }
            eldestFirst.remove();
        }
    }

    private static String key(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? UNKNOWN_CLIENT : clientAddress.trim();
    }
}
