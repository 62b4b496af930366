package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordStrengthTest {

    private final PasswordStrength strength = new PasswordStrength(List.of("univ", "universite", "sesame"), 30);

    private double bits(String password, Set<String> personalWords) {
        return strength.estimate(password, personalWords).entropyBits();
    }

    @Test
    void theSamplePasswordsFallOnTheExpectedSideOfTheDefaultThreshold() {
        double threshold = PasswordPolicySettings.DEFAULT_MIN_ENTROPY_BITS;

        assertTrue(bits("Rentree-2026!", Set.of()) >= threshold);
        assertTrue(bits("Tr0ub4dor&3xyz", Set.of()) >= threshold);
        for (String weak : List.of("Password123!", "Azerty123456!", "Sesame2026!!", "Universite2026!")) {
            assertTrue(bits(weak, Set.of()) < threshold, weak);
        }
    }

    @Test
    void personalWordsCountForNothing() {
        double stranger = bits("Gribouille-Kx7!", Set.of());
        double own = bits("Gribouille-Kx7!", Set.of("gribouille"));

        assertTrue(own < stranger - 10, own + " vs " + stranger);
    }

    @Test
    void institutionWordsCountForNothing() {
        PasswordStrength elsewhere = new PasswordStrength(List.of(), 30);

        assertTrue(bits("Univ-Kx7!Univ", Set.of()) < elsewhere.estimate("Univ-Kx7!Univ", Set.of()).entropyBits());
    }

    @Test
    void accentsDoNotHideAWord() {
        assertEquals(bits("Universite2026!", Set.of()), bits("Université2026!", Set.of()), 0.001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vivelavie-26!", "Olympique-2026!", "Choupette-2026!", "Doudou-Loulou1!"})
    void frenchLeakedPasswordsAreKnown(String french) {
        // nbvcxz alone, knowing no French, gives each of these 36 to 49 bits.
        assertTrue(bits(french, Set.of()) < PasswordPolicySettings.DEFAULT_MIN_ENTROPY_BITS, french);
    }

    @Test
    void theScoreGoesFromZeroToFour() {
        assertEquals(0, strength.estimate("Password123!", Set.of()).score());
        assertEquals(4, strength.estimate("Tr0ub4dor&3xyz", Set.of()).score());
    }
}
