package fr.sesame.token;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the UTC GeneralizedTime the portal writes in token values ({@code 20260901200000.000Z}). */
final class GeneralizedTimes {

    private static final Pattern UTC = Pattern.compile("([0-9]{14})(?:[.,]([0-9]{1,9}))?Z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private GeneralizedTimes() {}

    static Optional<Instant> parse(String text) {
        Matcher m = UTC.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant seconds = LocalDateTime.parse(m.group(1), SECONDS).toInstant(ZoneOffset.UTC);
            int nanos = m.group(2) == null ? 0 : Integer.parseInt((m.group(2) + "00000000").substring(0, 9));
            return Optional.of(seconds.plusNanos(nanos));
        } catch (DateTimeException malformed) {
            return Optional.empty();
        }
    }
}
