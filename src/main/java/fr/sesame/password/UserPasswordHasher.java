package fr.sesame.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * Turns a new password into the {@code userPassword} value the directory stores and verifies on bind,
 * in the configured {@link PasswordScheme}; and checks a password against such a value (the embedded
 * directory and the password history use it).
 */
public final class UserPasswordHasher {

    public static final String CRYPT_PREFIX = "{CRYPT}";
    public static final String ARGON2_PREFIX = "{ARGON2}";

    private static final String SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordScheme scheme;
    private final int cryptRounds;
    private final Argon2Hasher argon2;

    public UserPasswordHasher(PasswordScheme scheme, int cryptRounds) {
        if (cryptRounds < 1000 || cryptRounds > 999_999_999) {
            throw new IllegalArgumentException("sesame.password.crypt-rounds must be between 1000 and 999999999");
        }
        this.scheme = scheme;
        this.cryptRounds = cryptRounds;
        this.argon2 = new Argon2Hasher(64 * 1024, 2, 1);
    }

    /** The value to store in {@code userPassword}, with its scheme prefix. */
    public String hash(String password) {
        return switch (scheme) {
            case SHA512_CRYPT -> CRYPT_PREFIX + sha512Crypt(password);
            case ARGON2 -> ARGON2_PREFIX + argon2.hash(password);
        };
    }

    /** Whether the password matches a stored {@code userPassword} value in one of the schemes above. */
    public static boolean matches(String password, String stored) {
        if (stored == null) {
            return false;
        }
        String upper = stored.toUpperCase(Locale.ROOT);
        if (upper.startsWith(CRYPT_PREFIX)) {
            return cryptMatches(password, stored.substring(CRYPT_PREFIX.length()));
        }
        if (upper.startsWith(ARGON2_PREFIX)) {
            return Argon2Hasher.matches(password, stored.substring(ARGON2_PREFIX.length()));
        }
        return false;
    }

    /** Whether an unprefixed crypt value ({@code $6$…}) matches; only SHA-512 crypt is accepted. */
    public static boolean cryptMatches(String password, String crypt) {
        if (!crypt.startsWith("$6$")) {
            return false;
        }
        try {
            String actual = SlowHashGate.SHARED.run(
                    () -> Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), crypt));
            return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII), crypt.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private String sha512Crypt(String password) {
        StringBuilder salt = new StringBuilder("$6$rounds=").append(cryptRounds).append('$');
        for (int i = 0; i < 16; i++) {
            salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
        }
        return SlowHashGate.SHARED.run(() -> Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), salt.toString()));
    }
}
