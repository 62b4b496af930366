package fr.sesame.password;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "different from your last passwords" rule. The directory keeps, in the password-history attribute,
 * one value per password set through the portal, the current one included: {@code <generalizedTime>$<PHC>},
 * e.g. {@code 20260901080000.000Z$$argon2id$v=19$m=7168,t=5,p=1$…$…}. Each is a salted Argon2id hash, so
 * the history neither reveals the passwords nor shows two people (or two entries) with the same one.
 *
 * <p>LDAP keeps a multi-valued attribute's values in no particular order, so "newest" is read from each
 * value's time, never from the order the directory returns. Values that do not parse are ignored and
 * dropped at the next rotation.
 *
 * <p>{@link #reuses} costs one Argon2id computation per kept entry (tens of milliseconds each): ask it
 * after {@link PasswordPolicy#violations} found nothing, so that rejected attempts cost no hash.
 */
public final class PasswordHistory {

    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VALUE = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}(?:\\d{2})?)"
            + "\\$(\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+)");

    private record Entry(Instant changedAt, String hash, String value) {}

    private final int historySize;
    private final Argon2Hasher hasher;

    /** A history of that many passwords, new entries hashed with {@link Argon2Hasher#OWASP}. */
    public PasswordHistory(int historySize) {
        this(historySize, Argon2Hasher.OWASP);
    }

    public PasswordHistory(int historySize, Argon2Hasher hasher) {
        if (historySize < 0) {
            throw new IllegalArgumentException("sesame.password.history-size must not be negative");
        }
        this.historySize = historySize;
        this.hasher = hasher;
    }

    /**
     * Whether the candidate is one of the {@code historySize} newest passwords of these history values.
     * Every kept entry is computed, whether an earlier one matched or not.
     */
    public boolean reuses(String candidate, List<String> historyValues) {
        if (candidate == null) {
            return false;
        }
        boolean reused = false;
        for (Entry entry : newest(historyValues)) {
            reused |= Argon2Hasher.matches(candidate, entry.hash());
        }
        return reused;
    }

    /**
     * The history values to write once {@code newPassword} is set at {@code now}: its fresh salted hash
     * first, then the newest older entries, {@code historySize} values in all (none when the size is 0).
     * Unreadable values are left out.
     */
    public List<String> rotate(List<String> historyValues, String newPassword, Instant now) {
        if (historySize == 0) {
            return List.of();
        }
        List<String> rotated = new ArrayList<>();
        rotated.add(WRITTEN.format(now) + "$" + hasher.hash(newPassword));
        newest(historyValues).stream()
                .limit(historySize - 1L)
                .map(Entry::value)
                .forEach(rotated::add);
        return List.copyOf(rotated);
    }

    private List<Entry> newest(List<String> historyValues) {
        if (historyValues == null) {
            return List.of();
        }
        return historyValues.stream()
                .map(PasswordHistory::parse)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Entry::changedAt).reversed())
                .limit(historySize)
                .toList();
    }

    private static Optional<Entry> parse(String value) {
        Matcher m = VALUE.matcher(value == null ? "" : value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            String zone = m.group(8);
            ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 3 ? zone : zone.substring(0, 3) + ":" + zone.substring(3));
            return Optional.of(new Entry(local.toInstant(offset), m.group(9), value));
        } catch (DateTimeException | NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
