package fr.sesame.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.UserPasswordHasher;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What "nothing half-written" means for the flows' writes, checked on an entry read back from a directory: a
 * password change is whole when its password, newest history entry, change time and newest security event all come
 * from one write; an activation when every field of its one modify does. Shared by
 * {@code DirectoryFailoverOnSlapdIT} and the failover benchmark ({@code fr.sesame.bench.Failover}), which both kill
 * a directory under writes. A failed check throws an {@link AssertionError} saying what is wrong.
 */
public final class WholeWrites {

    /** Everything activation writes, in its one modify. */
    public static final List<String> ACTIVATION_ATTRIBUTES = List.of("sesameActivatedAt", "sesameCharterAcceptedAt",
            "sesameJokerQuestion", "sesameJokerAnswer", "preferredLanguage", "userPassword", "sesamePasswordHistory",
            "sesamePasswordChangedAt", "sesameSecurityEvent");

    /** What a password change writes besides its security event (which other writes add to as well). */
    public static final List<String> PASSWORD_ATTRIBUTES = List.of("userPassword", "sesamePasswordHistory",
            "sesamePasswordChangedAt");

    private WholeWrites() {}

    /**
     * Checks that the password, the newest history entry, the change time and the newest security event come from one
     * write of {@code password}; returns that write's time.
     */
    public static Instant passwordWrite(Entry entry, String password, AuditEvent event) {
        assertTrue(UserPasswordHasher.matches(password, entry.getAttributeValue("userPassword")), entry.toString());
        Instant changedAt = time(entry.getAttributeValue("sesamePasswordChangedAt"));
        String newestHistory = Stream.of(entry.getAttributeValues("sesamePasswordHistory"))
                .max(Comparator.comparing(value -> time(value.substring(0, value.indexOf('$')))))
                .orElseThrow(() -> new AssertionError("no password history: " + entry));
        assertEquals(changedAt, time(newestHistory.substring(0, newestHistory.indexOf('$'))), entry.toString());
        assertTrue(Argon2Hasher.matches(password, newestHistory.substring(newestHistory.indexOf('$') + 1)),
                "the newest history entry is another password's: " + entry);
        AuditRecord newestEvent = Stream.of(entry.getAttributeValues("sesameSecurityEvent"))
                .map(AuditRecord::fromJson)
                .flatMap(Optional::stream)
                .max(Comparator.comparing(AuditRecord::at))
                .orElseThrow(() -> new AssertionError("no security event: " + entry));
        assertEquals(event, newestEvent.event(), entry.toString());
        // The event keeps the clock's precision, the directory's times milliseconds.
        assertEquals(changedAt, newestEvent.at().truncatedTo(ChronoUnit.MILLIS), entry.toString());
        return changedAt;
    }

    /**
     * Checks that an activated entry holds one activation's fields: both times equal, a question, the joker
     * {@code answer}, and {@code password} written with its history, change time and event at that same time.
     * Returns the activation's time.
     */
    public static Instant activation(Entry entry, String answer, String password) {
        Instant activatedAt = time(entry.getAttributeValue("sesameActivatedAt"));
        assertEquals(activatedAt, time(entry.getAttributeValue("sesameCharterAcceptedAt")), entry.toString());
        assertNotNull(entry.getAttributeValue("sesameJokerQuestion"), "no joker question: " + entry);
        assertTrue(JokerAnswers.matches(answer, entry.getAttributeValue("sesameJokerAnswer")),
                "the joker answer is another one's: " + entry);
        assertEquals(activatedAt, passwordWrite(entry, password, AuditEvent.ACCOUNT_ACTIVATED), entry.toString());
        return activatedAt;
    }

    /** Checks that {@code attributes} of the entry hold the very values they had in {@code original}. */
    public static void untouched(Entry entry, Entry original, List<String> attributes) {
        for (String attribute : attributes) {
            assertEquals(values(original, attribute), values(entry, attribute),
                    attribute + " changed, yet the write it belongs to is not there: " + entry);
        }
    }

    /** The instant of an LDAP generalized time. */
    public static Instant time(String generalizedTime) {
        if (generalizedTime == null) {
            throw new AssertionError("a time is missing");
        }
        try {
            return StaticUtils.decodeGeneralizedTime(generalizedTime).toInstant();
        } catch (ParseException e) {
            throw new AssertionError("not a generalized time: " + generalizedTime, e);
        }
    }

    private static Set<String> values(Entry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }
}
