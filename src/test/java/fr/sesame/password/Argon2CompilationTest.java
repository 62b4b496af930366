package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JVM holds the directive that compiles Argon2's functions inline once Argon2 is used, and holds it once. */
class Argon2CompilationTest {

    @Test
    void usingArgon2InstallsTheCompilerDirectiveOnce() throws Exception {
        assertTrue(Argon2Hasher.matches("secret", Argon2Hasher.OWASP.hash("secret")));

        String directives = Argon2Compilation.installedDirectives();
        assertTrue(directives.contains("matching: " + Argon2Compilation.ARGON2_CLASSES), directives);
        assertTrue(directives.contains("inline: +" + Argon2Compilation.ARGON2_CLASSES), directives);

        assertTrue(Argon2Compilation.install());
        String again = Argon2Compilation.installedDirectives();
        assertEquals(1, again.split("matching: " + Pattern.quote(Argon2Compilation.ARGON2_CLASSES), -1).length - 1,
                again);
    }
}
