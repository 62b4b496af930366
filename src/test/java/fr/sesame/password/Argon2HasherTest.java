package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2HasherTest {

    private final Argon2Hasher hasher = new Argon2Hasher(1024, 1, 1);

    @Test
    void hashesAreSaltedPhcStringsThatVerify() {
        String first = hasher.hash("médor");
        String second = hasher.hash("médor");

        assertTrue(first.matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second);
        assertTrue(Argon2Hasher.matches("médor", first));
        assertFalse(Argon2Hasher.matches("medor", first));
    }

    @Test
    void verificationUsesTheParametersStoredInTheHash() {
        String weak = hasher.hash("answer");

        assertTrue(Argon2Hasher.matches("answer", weak));
        assertTrue(Argon2Hasher.matches("answer", Argon2Hasher.OWASP.hash("answer")));
        assertFalse(Argon2Hasher.matches("answer", weak.replace("m=1024", "m=2048")));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(Argon2Hasher.matches("x", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$BBBB"));
        assertFalse(Argon2Hasher.matches("x", "plain"));
        assertFalse(Argon2Hasher.matches("x", null));
    }
}
