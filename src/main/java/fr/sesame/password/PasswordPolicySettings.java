package fr.sesame.password;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The tunable parts of the password policy, in one immutable value so that the configuration class can
 * build it and every flow that sets a password applies the same rules. {@link #defaults()} are the rules
 * the university publishes to its students and staff.
 *
 * @param minLength         fewest characters (Unicode code points), inclusive
 * @param maxLength         most characters, inclusive; also bounds the cost of the strength estimate
 * @param requireLowercase  at least one lower-case letter (any script: {@code é}, {@code ß}, {@code д} count)
 * @param requireUppercase  at least one upper-case letter (any script)
 * @param requireDigit      at least one decimal digit
 * @param requireSpecial    at least one of {@code specials}
 * @param specials          the characters that count as "special"; other printable characters are allowed
 *                          but do not count (see {@link PasswordPolicy})
 * @param historySize       how many passwords the history keeps, the current one included; 0 keeps none
 * @param minEntropyBits    the least estimated entropy, in bits, that {@link PasswordStrength} must find;
 *                          0 turns the "too common" rule off
 * @param institutionWords  words anyone would try against this university (its name, the portal's name);
 *                          they count for nothing in a password
 */
public record PasswordPolicySettings(
        int minLength,
        int maxLength,
        boolean requireLowercase,
        boolean requireUppercase,
        boolean requireDigit,
        boolean requireSpecial,
        String specials,
        int historySize,
        double minEntropyBits,
        List<String> institutionWords) {

    /** The special characters the university's published rules list; {@code '} and {@code \} are not among them. */
    public static final String DEFAULT_SPECIALS = "!\"#$%&()*+,-./:;<=>?@[]^_`{|}~";

    /**
     * nbvcxz's own default minimum (about 3.4 × 10<sup>10</sup> guesses). It refuses every "word + year +
     * symbol" password tried ({@code Password123!} 8 bits, {@code Universite2026!} 12, {@code Sesame2026!!}
     * 16), and accepts the demo password {@code Rentree-2026!} (41.6 bits: nbvcxz knows no French and reads
     * "ren" + "tree") with a margin of 6 bits.
     */
    public static final double DEFAULT_MIN_ENTROPY_BITS = 35;

    public PasswordPolicySettings {
        if (minLength < 1) {
            throw new IllegalArgumentException("sesame.password.min-length must be at least 1");
        }
        if (maxLength < minLength) {
            throw new IllegalArgumentException("sesame.password.max-length must not be below min-length");
        }
        if (historySize < 0) {
            throw new IllegalArgumentException("sesame.password.history-size must not be negative");
        }
        if (minEntropyBits < 0 || Double.isNaN(minEntropyBits)) {
            throw new IllegalArgumentException("sesame.password.min-entropy-bits must not be negative");
        }
        Objects.requireNonNull(specials, "specials");
        if (requireSpecial && specials.isEmpty()) {
            throw new IllegalArgumentException("sesame.password.specials must not be empty when a special character is required");
        }
        if (specials.codePoints().anyMatch(PasswordPolicy::isBlankOrInvisible)) {
            throw new IllegalArgumentException("sesame.password.specials must not hold spaces or invisible characters");
        }
        institutionWords = institutionWords == null ? List.of() : institutionWords.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** 12 to 30 characters, all four kinds, the last 3 passwords, at least 35 bits. */
    public static PasswordPolicySettings defaults() {
        return new PasswordPolicySettings(12, 30, true, true, true, true, DEFAULT_SPECIALS, 3,
                DEFAULT_MIN_ENTROPY_BITS, List.of("univ", "universite", "sesame"));
    }

    /** The special characters separated by spaces, as the rules show them to people. */
    public String specialsForDisplay() {
        StringBuilder shown = new StringBuilder();
        specials.codePoints().forEach(c -> {
            if (shown.length() > 0) {
                shown.append(' ');
            }
            shown.appendCodePoint(c);
        });
        return shown.toString();
    }
}
