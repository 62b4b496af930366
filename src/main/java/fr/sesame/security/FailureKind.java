package fr.sesame.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a person failed at. Each kind is counted apart in the directory ({@code sesameFailure} values
 * {@code <key>$<generalizedTime>}) and has its own limit; a lock of any kind suspends the whole self-service.
 */
public enum FailureKind {

    /** A wrong birth date for a known identifier. */
    IDENTIFICATION("identification", limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15))),
    /** A wrong answer to the joker question. */
    JOKER("joker", limit(3, Duration.ofMinutes(30), Duration.ofMinutes(30))),
    /** A wrong password at sign-in, or a wrong current password on the account page. */
    SIGNIN("signin", limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15)));

    private final String key;
    private final ThrottleSettings.AccountLimit defaultLimit;

    FailureKind(String key, ThrottleSettings.AccountLimit defaultLimit) {
        this.key = key;
        this.defaultLimit = defaultLimit;
    }

    /** The prefix of this kind's values in the directory, and its configuration key segment. */
    public String key() {
        return key;
    }

    /** The limit used when the configuration says nothing. */
    public ThrottleSettings.AccountLimit defaultLimit() {
        return defaultLimit;
    }

    public static Optional<FailureKind> fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }

    private static ThrottleSettings.AccountLimit limit(int maxFailures, Duration window, Duration lockDuration) {
        return new ThrottleSettings.AccountLimit(maxFailures, window, lockDuration);
    }
}
