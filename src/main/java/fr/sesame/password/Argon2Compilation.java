package fr.sesame.password;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Asks the JVM's just-in-time compiler to inline BouncyCastle's Argon2 functions into each other, by a compiler
 * directive (HotSpot's Compiler Control) added once, before the first hash is compiled. Without it, the compiler
 * often leaves the round function out of line and every Argon2id hash then costs about three times its CPU: 150
 * to 165 ms instead of 50 to 58 ms for the OWASP setting, in three JVMs out of four (README, "Benchmark"). The
 * hash is the same either way; only its speed changes. On a JVM without HotSpot's diagnostic command, a warning
 * says so and nothing else changes.
 */
final class Argon2Compilation {

    static final String ARGON2_CLASSES = "org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*";

    private static final Logger LOG = Logger.getLogger(Argon2Compilation.class.getName());
    private static final String DIRECTIVE = "[{ match: \"" + ARGON2_CLASSES + "\", inline: \"+" + ARGON2_CLASSES + "\" }]";

    private Argon2Compilation() {}

    /** Adds the directive unless the JVM holds it already (a redeployed portal); returns whether the JVM has it. */
    static synchronized boolean install() {
        Path file = null;
        try {
            if (installedDirectives().contains("matching: " + ARGON2_CLASSES)) {
                return true;
            }
            file = Files.createTempFile("sesame-argon2-compilation-", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object answer = diagnosticCommand("compilerDirectivesAdd", file.toString());
            if (String.valueOf(answer).contains("1 compiler directives added")) {
                LOG.fine("Argon2's functions are compiled inline");
                return true;
            }
            LOG.log(Level.WARNING, "The JVM refused the compiler directive for Argon2 ({0}): hashes may take up to"
                    + " three times their CPU.", answer);
        } catch (IOException | JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "No compiler directive for Argon2 on this JVM ({0}): hashes may take up to three"
                    + " times their CPU.", e.toString());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file of a few bytes.
                }
            }
        }
        return false;
    }

    /** The compiler directives the JVM holds, as {@code jcmd <pid> Compiler.directives_print} prints them. */
    static String installedDirectives() throws JMException {
        return String.valueOf(diagnosticCommand("compilerDirectivesPrint"));
    }

    private static Object diagnosticCommand(String operation, String... arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
