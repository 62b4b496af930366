package fr.sesame.identification;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a birth date as people type it in France: day, month, year, separated by slashes, hyphens or dots.
 */
public final class BirthDates {

    /** The earliest birth date accepted. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4})");

    private BirthDates() {}

    /** {@link #parse(String, Clock)} against today's date on the system clock. */
    public static Optional<LocalDate> parse(String text) {
        return parse(text, Clock.systemDefaultZone());
    }

    /**
     * The date written {@code jj/mm/aaaa}, {@code jj-mm-aaaa} or {@code jj.mm.aaaa} (one separator throughout;
     * day and month of one or two digits; spaces around ignored), if it is a real date between 1900-01-01 and
     * today on {@code clock}; empty otherwise (31/02, a future date, anything else).
     */
    public static Optional<LocalDate> parse(String text, Clock clock) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher parts = DAY_MONTH_YEAR.matcher(text.strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(3)),
                    Integer.parseInt(parts.group(1)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(clock))) {
            return Optional.empty();
        }
        return Optional.of(date);
    }
}
