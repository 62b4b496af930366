package fr.sesame.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code sesameFailure} value, {@code <kind>$<generalizedTime>} (RFC 4517 GeneralizedTime, UTC, with a
 * fraction of a second of nine digits).
 *
 * @param at when the failure happened, to the microsecond
 * @param tieBreaker the value's last three digits (nanoseconds), random, so that two failures recorded at the
 *     same microsecond (two nodes, a coarse clock) are still two distinct values: adding one never collides
 *     with the other and both count
 */
record FailureRecord(FailureKind kind, Instant at, int tieBreaker) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern TIME = Pattern.compile("([0-9]{14})(?:[.,]([0-9]{1,9}))?Z");
    private static final Random RANDOM = new SecureRandom();

    /** A failure at {@code now}, with a random tie-breaker. */
    static FailureRecord at(FailureKind kind, Instant now) {
        return new FailureRecord(kind, now.truncatedTo(ChronoUnit.MICROS), RANDOM.nextInt(1000));
    }

    /** The value as stored; parsing it gives this record back. */
    String value() {
        LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return kind.key() + "$" + SECONDS.format(utc) + "." + String.format(Locale.ROOT, "%09d", utc.getNano() + tieBreaker) + "Z";
    }

    /** The failure a stored value describes; empty for a value of an unknown kind or a malformed one. */
    static Optional<FailureRecord> parse(String value) {
        int dollar = value.indexOf('$');
        if (dollar < 0) {
            return Optional.empty();
        }
        Optional<FailureKind> kind = FailureKind.fromKey(value.substring(0, dollar));
        Matcher time = TIME.matcher(value.substring(dollar + 1));
        if (kind.isEmpty() || !time.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime seconds = LocalDateTime.parse(time.group(1), SECONDS);
            String fraction = time.group(2) == null ? "0" : time.group(2);
            int nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
            Instant at = seconds.toInstant(ZoneOffset.UTC).plusNanos(nanos - nanos % 1000);
            return Optional.of(new FailureRecord(kind.get(), at, nanos % 1000));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
