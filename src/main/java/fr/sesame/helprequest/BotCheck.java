package fr.sesame.helprequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A robot filter for the public help form that needs no outside service (no CAPTCHA, nothing sent to a third
 * party): a honeypot field that people never see nor reach, and a minimum time between showing the form and
 * sending it, proven by a timestamp signed (HMAC-SHA256) with a key drawn at random when the application starts.
 * A robot that fills every field or posts at once is caught; a person never notices.
 *
 * <p>The key lives in memory only, shared by the nodes of a cluster ({@link fr.sesame.cluster.Cluster#secret}):
 * a form shown before a restart of the whole portal fails the check (as {@link Verdict#TAMPERED}), and its
 * sender gets the same polite answer.
 */
public final class BotCheck {

    /** What the check concluded; anything but {@link #PASSED} means nothing is stored. */
    public enum Verdict {
        PASSED,
        /** The hidden field has a value: only a robot fills it. */
        HONEYPOT_FILLED,
        /** The timestamp is missing, malformed, or not signed with this application's key. */
        TAMPERED,
        /** Sent sooner than the minimum fill time after the form was shown. */
        TOO_FAST,
        /** The form was shown more than {@link #MAX_AGE} ago: a stored token reused. */
        TOO_OLD
    }

    /** A form older than this is refused, so that one harvested token cannot serve for ever. */
    public static final Duration MAX_AGE = Duration.ofHours(12);

    /** The name the key is shared under by the nodes of a cluster, and its length in bytes. */
    public static final String KEY_NAME = "help-request-form";
    public static final int KEY_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration minFillTime;
    private final Clock clock;

    public BotCheck(byte[] key, Duration minFillTime, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.minFillTime = minFillTime;
        this.clock = clock;
    }

    /** A check with a fresh random key, as the application uses. */
    public static BotCheck withRandomKey(Duration minFillTime, Clock clock) {
        byte[] key = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        return new BotCheck(key, minFillTime, clock);
    }

    /** The token to put in the form's hidden field when it is shown: {@code <epoch millis>.<signature>}. */
    public String issue() {
        String shownAt = Long.toString(clock.millis());
        return shownAt + "." + sign(shownAt);
    }

    /** Checks a sent form's token and honeypot field. */
    public Verdict check(String token, String honeypot) {
        if (honeypot != null && !honeypot.isEmpty()) {
            return Verdict.HONEYPOT_FILLED;
        }
        if (token == null) {
            return Verdict.TAMPERED;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Verdict.TAMPERED;
        }
        String shownAt = token.substring(0, dot);
        byte[] expected = sign(shownAt).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!shownAt.chars().allMatch(Character::isDigit) || !MessageDigest.isEqual(expected, given)) {
            return Verdict.TAMPERED;
        }
        Duration elapsed = Duration.between(Instant.ofEpochMilli(Long.parseLong(shownAt)), clock.instant());
        if (elapsed.compareTo(minFillTime) < 0) {
            return Verdict.TOO_FAST;
        }
        return elapsed.compareTo(MAX_AGE) > 0 ? Verdict.TOO_OLD : Verdict.PASSED;
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
