package fr.sesame.security;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many failures are tolerated, per account and kind of failure (counted in the directory) and per client
 * address (counted in memory), before self-service is suspended, and for how long.
 *
 * @param accounts the limit of each {@link FailureKind}; a kind left out gets its {@link FailureKind#defaultLimit()}
 * @param client the limit per client address
 */
public record ThrottleSettings(Map<FailureKind, AccountLimit> accounts, ClientLimit client) {

    /**
     * Failures of one kind on one account: when {@code maxFailures} of them fall within {@code window}, the
     * account is locked for {@code lockDuration}.
     */
    public record AccountLimit(int maxFailures, Duration window, Duration lockDuration) {

        public AccountLimit {
            requireAtLeastOne(maxFailures, "maxFailures");
            requirePositive(window, "window");
            requirePositive(lockDuration, "lockDuration");
        }
    }

    /**
     * Failed identifications from one client address: after {@code maxFailures} within {@code window} the
     * client waits until the oldest of them leaves the window. At most {@code maxTrackedClients} addresses are
     * remembered (the least recently seen are forgotten first), so memory stays bounded under a flood.
     */
    public record ClientLimit(int maxFailures, Duration window, int maxTrackedClients) {

        public ClientLimit {
            requireAtLeastOne(maxFailures, "maxFailures");
            requirePositive(window, "window");
            requireAtLeastOne(maxTrackedClients, "maxTrackedClients");
        }
    }

    public ThrottleSettings {
        EnumMap<FailureKind, AccountLimit> complete = new EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            complete.put(kind, Objects.requireNonNullElse(accounts.get(kind), kind.defaultLimit()));
        }
        accounts = Collections.unmodifiableMap(complete);
        Objects.requireNonNull(client, "client");
    }

    /**
     * Each kind's default limit (5 identification failures in 15 min lock for 15 min, 3 joker failures in
     * 30 min lock for 30 min) and 20 failed identifications per client address in 15 min, 10 000 addresses
     * tracked.
     */
    public static ThrottleSettings defaults() {
        return new ThrottleSettings(Map.of(), new ClientLimit(20, Duration.ofMinutes(15), 10_000));
    }

    public AccountLimit limit(FailureKind kind) {
        return accounts.get(kind);
    }

    /** The same settings with another limit for one kind. */
    public ThrottleSettings with(FailureKind kind, AccountLimit limit) {
        EnumMap<FailureKind, AccountLimit> changed = new EnumMap<>(accounts);
        changed.put(kind, limit);
        return new ThrottleSettings(changed, client);
    }

    /** The same settings with another client limit. */
    public ThrottleSettings with(ClientLimit otherClient) {
        return new ThrottleSettings(accounts, otherClient);
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
