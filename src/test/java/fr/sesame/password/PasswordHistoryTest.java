package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordHistoryTest {

    private static final Instant MONDAY = Instant.parse("2026-09-07T08:00:00Z");

    /** Cheap Argon2id settings, so that the tests run fast; the format is the production one. */
    private final Argon2Hasher cheap = new Argon2Hasher(1024, 1, 1);
    private final PasswordHistory history = new PasswordHistory(3, cheap);

    /** The history after setting these passwords one day apart, oldest first. */
    private List<String> afterSetting(String... passwords) {
        List<String> values = List.of();
        Instant when = MONDAY;
        for (String password : passwords) {
            values = history.rotate(values, password, when);
            when = when.plus(Duration.ofDays(1));
        }
        return values;
    }

    private static String hashOf(String value) {
        return value.substring(value.indexOf('$') + 1);
    }

    @Test
    void rotationPutsTheNewPasswordFirstAndKeepsTheThreeNewest() {
        List<String> values = afterSetting("First-pass-1!", "Second-pass-2!", "Third-pass-3!", "Fourth-pass-4!");

        assertEquals(3, values.size());
        assertTrue(Argon2Hasher.matches("Fourth-pass-4!", hashOf(values.get(0))));
        assertTrue(Argon2Hasher.matches("Third-pass-3!", hashOf(values.get(1))));
        assertTrue(Argon2Hasher.matches("Second-pass-2!", hashOf(values.get(2))));
    }

    @Test
    void theHistoryGrowsUntilItIsFull() {
        assertEquals(1, afterSetting("First-pass-1!").size());
        assertEquals(2, afterSetting("First-pass-1!", "Second-pass-2!").size());
        assertEquals(3, afterSetting("First-pass-1!", "Second-pass-2!", "Third-pass-3!").size());
    }

    @Test
    void eachEntryIsSaltedDifferentlyEvenForTheSamePassword() {
        List<String> values = afterSetting("Same-pass-1!", "Same-pass-1!", "Same-pass-1!");

        assertEquals(3, new HashSet<>(values.stream().map(PasswordHistoryTest::hashOf).toList()).size());
        assertEquals(3, new HashSet<>(values.stream().map(v -> hashOf(v).split("\\$")[4]).toList()).size());
        values.forEach(v -> assertTrue(Argon2Hasher.matches("Same-pass-1!", hashOf(v))));
    }

    @Test
    void eachEntryIsTheTimeOfTheChangeAsTheDirectoryWritesItThenAPhcHash() {
        String value = history.rotate(List.of(), "First-pass-1!", MONDAY).get(0);

        assertTrue(value.startsWith(Account.generalizedTime(MONDAY) + "$$argon2id$v=19$m=1024,t=1,p=1$"), value);
    }

    @Test
    void newEntriesUseTheOwaspSettingsByDefault() {
        String value = new PasswordHistory(3).rotate(List.of(), "First-pass-1!", MONDAY).get(0);

        assertTrue(hashOf(value).startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), value);
    }

    @Test
    void eachOfTheLastThreePasswordsIsReusedButNotTheFourth() {
        List<String> values = afterSetting("First-pass-1!", "Second-pass-2!", "Third-pass-3!", "Fourth-pass-4!");

        assertTrue(history.reuses("Fourth-pass-4!", values));
        assertTrue(history.reuses("Third-pass-3!", values));
        assertTrue(history.reuses("Second-pass-2!", values));
        assertFalse(history.reuses("First-pass-1!", values));
        assertFalse(history.reuses("Fifth-pass-5!", values));
    }

    @Test
    void reuseIsExactNotCaseInsensitive() {
        List<String> values = afterSetting("First-pass-1!");

        assertFalse(history.reuses("first-pass-1!", values));
        assertFalse(history.reuses("First-pass-1! ", values));
    }

    @Test
    void newestIsReadFromTheTimesNotFromTheOrderTheDirectoryReturns() {
        // A history written when four were kept, returned oldest first: only the three newest count.
        PasswordHistory wider = new PasswordHistory(4, cheap);
        List<String> four = List.of();
        Instant when = MONDAY;
        for (String password : List.of("First-pass-1!", "Second-pass-2!", "Third-pass-3!", "Fourth-pass-4!")) {
            four = wider.rotate(four, password, when);
            when = when.plus(Duration.ofDays(1));
        }
        List<String> oldestFirst = new ArrayList<>(four);
        Collections.reverse(oldestFirst);

        assertFalse(history.reuses("First-pass-1!", oldestFirst));
        assertTrue(history.reuses("Second-pass-2!", oldestFirst));

        List<String> rotated = history.rotate(oldestFirst, "Fifth-pass-5!", when);
        assertEquals(List.of(four.get(0), four.get(1)), rotated.subList(1, 3));
    }

    @Test
    void timesWithAnOffsetOrWithoutFractionAreUnderstood() {
        String older = "20260907100000+0200$" + cheap.hash("Older-pass-1!");
        String newer = "20260907090000Z$" + cheap.hash("Newer-pass-2!");
        PasswordHistory one = new PasswordHistory(1, cheap);

        // 10:00 at +02:00 is 08:00 UTC, an hour before 09:00 UTC.
        assertTrue(one.reuses("Newer-pass-2!", List.of(older, newer)));
        assertFalse(one.reuses("Older-pass-1!", List.of(older, newer)));
    }

    @Test
    void malformedValuesAreIgnoredAndDroppedAtTheNextRotation() {
        String valid = history.rotate(List.of(), "Kept-pass-1!", MONDAY).get(0);
        List<String> values = new ArrayList<>();
        values.add("garbage");
        values.add(null);
        values.add("");
        values.add(cheap.hash("Untimed-pass-2!"));
        values.add("20261307080000Z$" + cheap.hash("Bad-month-3!"));
        values.add("20260907080000Z$" + "$argon2id$v=19$m=1024,t=1,p=1$AAAA");
        values.add("20260907080000Z$" + "{CRYPT}$6$abc$def");
        values.add(valid);

        assertTrue(history.reuses("Kept-pass-1!", values));
        assertFalse(history.reuses("Untimed-pass-2!", values));
        assertFalse(history.reuses("Bad-month-3!", values));
        assertFalse(history.reuses("anything", values));
        assertEquals(List.of(valid), history.rotate(values, "New-pass-4!", MONDAY.plusSeconds(60)).subList(1, 2));
        assertEquals(2, history.rotate(values, "New-pass-4!", MONDAY.plusSeconds(60)).size());
    }

    @Test
    void aMissingHistoryReusesNothing() {
        assertFalse(history.reuses("First-pass-1!", null));
        assertFalse(history.reuses("First-pass-1!", List.of()));
        assertFalse(history.reuses(null, afterSetting("First-pass-1!")));
        assertEquals(1, history.rotate(null, "First-pass-1!", MONDAY).size());
    }

    @Test
    void theClearPasswordNeverAppearsInAnyValue() {
        List<String> passwords = List.of("First-pass-1!", "Second-pass-2!", "Third-pass-3!", "Fourth-pass-4!");
        List<String> values = afterSetting(passwords.toArray(String[]::new));

        for (String value : values) {
            for (String password : passwords) {
                assertFalse(value.contains(password), value);
            }
        }
    }

    @Test
    void aHistoryOfZeroKeepsAndReusesNothing() {
        PasswordHistory none = new PasswordHistory(0, cheap);
        List<String> values = afterSetting("First-pass-1!");

        assertEquals(List.of(), none.rotate(values, "Second-pass-2!", MONDAY));
        assertFalse(none.reuses("First-pass-1!", values));
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHistory(-1, cheap));
    }
}
