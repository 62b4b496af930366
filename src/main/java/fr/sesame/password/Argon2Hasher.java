package fr.sesame.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Salted Argon2id hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), the
 * format OpenLDAP's argon2 module and most libraries read. Used for every secret the portal keeps.
 */
public final class Argon2Hasher {

    /**
     * OWASP's Argon2id setting with the least memory: 7 MiB, 5 iterations, 1 lane. OWASP lists it with 19 MiB × 2
     * and three others as an equal defence that trades memory for CPU; with a hash per core at all times and
     * BouncyCastle allocating each hash's memory anew, the smaller memory costs the garbage collector about a
     * third of the larger one (README, "Benchmark"). Hashes made with other settings still verify.
     */
    public static final Argon2Hasher OWASP = new Argon2Hasher(7 * 1024, 5, 1);

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    static {
        Argon2Compilation.install();
    }

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2Hasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A fresh salted hash of the secret. */
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(secret, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the secret matches the stored hash, with the parameters the hash was made with (so older
     * hashes keep working after the settings change). A malformed hash never matches.
     */
    public static boolean matches(String secret, String phcHash) {
        Matcher m = PHC.matcher(phcHash == null ? "" : phcHash);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = B64_DECODER.decode(m.group(4));
        byte[] expected = B64_DECODER.decode(m.group(5));
        byte[] actual = derive(secret, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String secret, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        return SlowHashGate.SHARED.run(() -> {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[length];
            generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
            return out;
        });
    }
}
