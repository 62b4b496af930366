package fr.sesame.token;

import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.password.Argon2Hasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues, finds and consumes the one-time tokens mailed to people. Exists so that every flow that mails a secret
 * link keeps it the same way: 256 random bits, URL-safe, of which the directory keeps only a salted Argon2id hash
 * with the token's purpose and expiry, in the person's own entry ({@link AccountField#TOKEN}). Nothing is kept in
 * memory, so a link mailed before a restart, or by another node, still works.
 *
 * <p>Since only a hash is stored, a link names its account too (by {@link AccountField#UID}, see
 * {@link TokenLinks}); the token is then checked against that account's values only.
 *
 * <p>Every write goes through the caller's {@link AccountUpdate}, so that issuing a token, or consuming it, happens
 * in the same modify as the rest of the flow's changes (its audit record, the new password) and is guarded by the
 * token values read: of two requests racing on the same account, one fails with
 * {@link fr.sesame.directory.ConcurrentChangeException} instead of both succeeding.
 */
@ApplicationScoped
public class Tokens {

    /** 256 bits: far beyond guessing, even online and without any throttle. */
    static final int TOKEN_BYTES = 32;
    /** The shape of every token {@link #newToken()} makes: anything else is refused before any hashing. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    /** A fresh token, its expiry, and the update that stores its hash (to apply, with more changes if need be). */
    public record Issued(String token, Instant expiresAt, AccountUpdate update) {

        @Override
        public String toString() {
            return "Issued[token=(hidden), expiresAt=" + expiresAt + "]";
        }
    }

    /** A token that matched an account, with the stored value it matched, to {@link #consume}. */
    public record ValidToken(Account account, TokenPurpose purpose, Instant expiresAt, String storedValue) {}

    private PeopleDirectory people;
    private Argon2Hasher hasher;
    private Clock clock;
    /** Checked against when no account or no value could match, so that the answer takes as long either way. */
    private String decoyHash;

    /** For CDI's proxy only. */
    protected Tokens() {}

    @Inject
    public Tokens(PeopleDirectory people) {
        this(people, Argon2Hasher.OWASP, Clock.systemUTC());
    }

    public Tokens(PeopleDirectory people, Argon2Hasher hasher, Clock clock) {
        this.people = people;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash(newToken());
    }

    /** 32 bytes of {@link SecureRandom}, in URL-safe base64 without padding: 43 characters of {@code [A-Za-z0-9_-]}. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /**
     * A new token of {@code purpose} for the account, valid for {@code lifetime} from now. The update adds its hash
     * and removes the account's earlier tokens of the same purpose (a new request replaces the old link) and any
     * expired token; it is guarded by the token values the account was read with.
     */
    public Issued issue(Account account, TokenPurpose purpose, Duration lifetime) {
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("A token's lifetime must be positive: " + lifetime);
        }
        Instant now = clock.instant();
        String token = newToken();
        Instant expiresAt = now.plus(lifetime);
        List<String> replaced = new ArrayList<>();
        for (String value : account.values(AccountField.TOKEN)) {
            StoredToken.parse(value)
                    .filter(stored -> stored.purpose() == purpose || stored.expiredAt(now))
                    .ifPresent(stored -> replaced.add(value));
        }
        AccountUpdate update = AccountUpdate.of(account).expectingUnchanged(account, AccountField.TOKEN);
        if (!replaced.isEmpty()) {
            update.remove(AccountField.TOKEN, replaced.toArray(String[]::new));
        }
        update.add(AccountField.TOKEN, new StoredToken(purpose, expiresAt, hasher.hash(token)).value());
        return new Issued(token, expiresAt, update);
    }

    /**
     * The account whose {@link AccountField#UID} is {@code uid}, if {@code token} is one of its unexpired tokens of
     * {@code purpose}; read afresh from the directory. Consumes nothing: opening a link (which mail scanners do)
     * leaves it usable. Takes about one hash whether the account exists or not.
     */
    public Optional<ValidToken> find(String uid, String token, TokenPurpose purpose) {
        if (uid == null || uid.isBlank() || token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Account> account = people.findBy(AccountField.UID, uid);
        boolean checked = false;
        if (account.isPresent()) {
            for (String value : account.get().values(AccountField.TOKEN)) {
                Optional<StoredToken> stored = StoredToken.parse(value)
                        .filter(candidate -> candidate.purpose() == purpose && !candidate.expiredAt(now));
                if (stored.isEmpty()) {
                    continue;
                }
                checked = true;
                if (Argon2Hasher.matches(token, stored.get().hash())) {
                    return Optional.of(new ValidToken(account.get(), purpose, stored.get().expiresAt(), value));
                }
            }
        }
        if (!checked) {
            Argon2Hasher.matches(token, decoyHash);
        }
        return Optional.empty();
    }

    /**
     * Adds the token's end to {@code update}, guarded by the token values it was found among, so that a token is
     * used once even by two requests at the same time: the second one's modify fails. A {@link TokenPurpose#RESET}
     * value is removed by the password change the same update carries ({@link TokenPurpose#endedByPasswordChange()}),
     * so it is not removed twice.
     */
    public void consume(AccountUpdate update, ValidToken token) {
        update.expectingUnchanged(token.account(), AccountField.TOKEN);
        if (!token.purpose().endedByPasswordChange()) {
            update.remove(AccountField.TOKEN, token.storedValue());
        }
    }
}
