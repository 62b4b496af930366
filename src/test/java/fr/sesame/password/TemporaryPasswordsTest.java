package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Temporary passwords meet whatever policy is configured, and are never the same twice. */
class TemporaryPasswordsTest {

    private static TemporaryPasswords with(PasswordPolicySettings settings) {
        return new TemporaryPasswords(new PasswordPolicy(settings), new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000),
                Duration.ofDays(3), false, Clock.systemUTC());
    }

    @Test
    void aTemporaryPasswordMeetsTheDefaultPolicyForThatPerson() {
        PasswordPolicy policy = new PasswordPolicy(PasswordPolicySettings.defaults());
        TemporaryPasswords passwords = with(PasswordPolicySettings.defaults());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String password = passwords.generate("camille.test", "Camille", "Test", LocalDate.of(2003, 11, 2));
            assertEquals(List.of(), policy.violations(new PasswordCandidate(password, password, "camille.test", "Camille",
                    "Test", LocalDate.of(2003, 11, 2))), password);
            assertEquals(16, password.length());
            assertTrue(password.chars().noneMatch(c -> "lIO01".indexOf(c) >= 0), "no look-alike characters: " + password);
            seen.add(password);
        }
        assertEquals(50, seen.size());
    }

    @Test
    void aStricterPolicyIsMetToo() {
        PasswordPolicySettings strict = new PasswordPolicySettings(24, 40, true, true, true, true, "$€", 5, 60, List.of());
        String password = with(strict).generate("x.y", null, null, null);

        assertEquals(24, password.length());
        assertEquals(List.of(), new PasswordPolicy(strict).violations(PasswordCandidate.of(password, password, "x.y")));
        assertTrue(password.contains("$") || password.contains("€"));
    }

    @Test
    void aPolicyNoPasswordOfItsKindCanMeetIsReported() {
        PasswordPolicySettings impossible = new PasswordPolicySettings(4, 4, true, true, true, true, "!", 0, 200, List.of());

        assertThrows(IllegalStateException.class, () -> with(impossible).generate("x.y", null, null, null));
    }
}
