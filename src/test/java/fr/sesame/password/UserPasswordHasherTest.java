package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserPasswordHasherTest {

    @Test
    void sha512CryptIsPrefixedSaltedWithTheConfiguredRoundsAndVerifies() {
        UserPasswordHasher hasher = new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000);

        String first = hasher.hash("Rentree-2026!");
        String second = hasher.hash("Rentree-2026!");

        assertTrue(first.startsWith("{CRYPT}$6$rounds=5000$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(UserPasswordHasher.matches("Rentree-2026!", first));
        assertFalse(UserPasswordHasher.matches("Rentree-2026?", first));
        assertFalse(first.contains("Rentree"));
    }

    @Test
    void verifiesAHashMadeByOpenSsl() {
        // openssl passwd -6 -salt saltsaltsalt1234 'Rentree-2026!' (the same algorithm as glibc's crypt).
        String openssl = "{CRYPT}$6$saltsaltsalt1234$th1/w6I4jJIHrFDp7Z3cxWLAJCKSKAva3dRPxixqSCEyUCG8YIG4g9ijS6wjQs"
                + "OLquafv9weZcc4L6pUKzFLH1";

        assertTrue(UserPasswordHasher.matches("Rentree-2026!", openssl));
        assertFalse(UserPasswordHasher.matches("rentree-2026!", openssl));
    }

    @Test
    void argon2IsPrefixedAndVerifies() {
        UserPasswordHasher hasher = new UserPasswordHasher(PasswordScheme.ARGON2, 5000);

        String hash = hasher.hash("Ünïcødé-Pass-42");

        assertTrue(hash.startsWith("{ARGON2}$argon2id$v=19$m=65536,t=2,p=1$"), hash);
        assertTrue(UserPasswordHasher.matches("Ünïcødé-Pass-42", hash));
        assertFalse(UserPasswordHasher.matches("Unicode-Pass-42", hash));
    }

    @Test
    void unknownOrClearValuesNeverMatch() {
        assertFalse(UserPasswordHasher.matches("secret", "secret"));
        assertFalse(UserPasswordHasher.matches("secret", "{SSHA}abcdef"));
        assertFalse(UserPasswordHasher.matches("secret", "{CRYPT}$1$md5$abc"));
        assertFalse(UserPasswordHasher.matches("secret", "{CRYPT}$6$"));
        assertFalse(UserPasswordHasher.matches("secret", null));
    }

    @Test
    void roundsOutsideWhatCryptAllowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 10));
    }
}
