package fr.sesame.recovery;

import fr.sesame.password.Argon2Hasher;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The verification code of the stricter forgotten-password mode: six digits mailed to the personal
 * address, kept only as a salted hash in the flow's state, valid for a short time and a few tries.
 */
public final class MailedCode implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Argon2Hasher HASHER = new Argon2Hasher(4096, 1, 1);
    static final int TRIES = 3;

    /** What typing a code led to. */
    public enum Check {
        ACCEPTED,
        WRONG,
        NO_MORE_TRIES,
        EXPIRED
    }

    private final String hash;
    private final Instant expiresAt;
    private int triesLeft = TRIES;
    private boolean used;

    private MailedCode(String hash, Instant expiresAt) {
        this.hash = hash;
        this.expiresAt = expiresAt;
    }

    /** A fresh code: the clear digits to mail, and the state that checks them. */
    public static Issued issue(Instant expiresAt) {
        String digits = String.format("%06d", RANDOM.nextInt(1_000_000));
        return new Issued(digits, new MailedCode(HASHER.hash(digits), expiresAt));
    }

    /** The clear code, to be mailed and forgotten, and its checking state. */
    public record Issued(String digits, MailedCode code) {}

    /** Checks a typed code (spaces ignored); a code serves once. */
    public synchronized Check check(String typed, Instant now) {
        if (used || now.isAfter(expiresAt)) {
            return Check.EXPIRED;
        }
        if (triesLeft <= 0) {
            return Check.NO_MORE_TRIES;
        }
        String digits = typed == null ? "" : typed.replaceAll("\\s", "");
        if (Argon2Hasher.matches(digits, hash)) {
            used = true;
            return Check.ACCEPTED;
        }
        triesLeft--;
        return triesLeft == 0 ? Check.NO_MORE_TRIES : Check.WRONG;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
