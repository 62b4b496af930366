package fr.sesame.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One client address's recent failure times, oldest first: the value both {@link ClientThrottle}s keep per
 * address. At most the limit's {@code maxFailures} times are kept, since older ones cannot change the answer.
 * Immutable, so that a shared store can swap one value for the next only if nobody changed it meanwhile.
 */
record ClientFailures(List<Instant> times) {

    static final ClientFailures NONE = new ClientFailures(List.of());

    /** The key of requests whose address is unknown: they share one window rather than escape counting. */
    static final String UNKNOWN_CLIENT = "unknown";

    ClientFailures {
        times = List.copyOf(times);
    }

    /** The key an address is counted under. */
    static String key(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? UNKNOWN_CLIENT : clientAddress.trim();
    }

    /** These failures without those that have left the window at {@code now}. */
    ClientFailures within(ThrottleSettings.ClientLimit limit, Instant now) {
        Instant windowStart = now.minus(limit.window());
        return new ClientFailures(times.stream().filter(at -> at.isAfter(windowStart)).toList());
    }

    /** These failures with one more at {@code now}, the expired and the surplus oldest left out. */
    ClientFailures recorded(ThrottleSettings.ClientLimit limit, Instant now) {
        List<Instant> kept = new ArrayList<>(within(limit, now).times);
        kept.add(now);
        return new ClientFailures(kept.subList(Math.max(0, kept.size() - limit.maxFailures()), kept.size()));
    }

    /**
     * When the client may try again, if these failures (already {@link #within} the window) use up its limit:
     * when the oldest of them leaves the window.
     */
    Optional<Instant> blockedUntil(ThrottleSettings.ClientLimit limit) {
        return times.size() >= limit.maxFailures()
                ? Optional.of(times.get(0).plus(limit.window()))
                : Optional.empty();
    }

    boolean isEmpty() {
        return times.isEmpty();
    }

    /** Epoch milliseconds, comma-separated: a value any node reads without the portal's classes. */
    String encode() {
        return times.stream().map(at -> Long.toString(at.toEpochMilli())).collect(Collectors.joining(","));
    }

    /** The failures an {@link #encode()}d value holds; none for a value that is not one. */
    static ClientFailures decode(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        List<Instant> times = new ArrayList<>();
        for (String millis : value.split(",")) {
            try {
                times.add(Instant.ofEpochMilli(Long.parseLong(millis)));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return new ClientFailures(times);
    }
}
