package fr.sesame.password;

import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Temporary passwords, for the helpdesk (seed 003: "un mot de passe provisoire qui doit être personnalisé"). The
 * portal makes the password itself, so that it meets the policy and is not something an agent made up; it is shown
 * or mailed once and never kept in clear. It works until {@code sesame.temporary-password.lifetime} has passed, and
 * the person must replace it at their next sign-in.
 *
 * <h2>For the sign-in (issue #5)</h2>
 * {@link #mustChangePassword(Account)} says whether the person must choose a new password before anything else;
 * {@link #temporaryPasswordExpired(Account)} says whether the temporary one must be refused altogether (then only a
 * reset link or the helpdesk helps). Any password change through {@link PasswordChange#addTo} clears both marks.
 */
@ApplicationScoped
public class TemporaryPasswords {

    /** Long enough to be strong whatever the policy's minimum, short enough to be typed from a screen or a letter. */
    static final int PREFERRED_LENGTH = 16;
    private static final int ATTEMPTS = 100;

    // Characters people confuse (l, I, 1, O, 0) are left out: the password is read and typed by hand.
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String READABLE_SPECIALS = "!#%+-=?@_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The password to give the person, once, and when it stops working. */
    public record TemporaryPassword(String password, Instant expiresAt) {

        @Override
        public String toString() {
            return "TemporaryPassword[password=(hidden), expiresAt=" + expiresAt + "]";
        }
    }

    private PasswordPolicy policy;
    private UserPasswordHasher hasher;
    private Duration lifetime;
    private boolean writePwdReset;
    private Clock clock;

    /** For CDI's proxy only. */
    protected TemporaryPasswords() {}

    @Inject
    public TemporaryPasswords(SesameConfig config) {
        this(new PasswordPolicy(config.passwordPolicy()),
                new UserPasswordHasher(config.passwordScheme(), config.passwordCryptRounds()),
                config.temporaryPasswordLifetime(), config.temporaryPasswordPwdReset(), Clock.systemUTC());
    }

    public TemporaryPasswords(PasswordPolicy policy, UserPasswordHasher hasher, Duration lifetime, boolean writePwdReset,
            Clock clock) {
        this.policy = policy;
        this.hasher = hasher;
        this.lifetime = lifetime;
        this.writePwdReset = writePwdReset;
        this.clock = clock;
    }

    /**
     * A new password for this account that the policy accepts (its login, names and birth date included), made from
     * {@link SecureRandom}.
     *
     * @throws IllegalStateException if the policy cannot be met by this generator (e.g. no special character it may use)
     */
    public String generate(Account account) {
        return generate(account.login(), account.value(AccountField.GIVEN_NAME).orElse(null),
                account.value(AccountField.SURNAME).orElse(null), account.birthDate().orElse(null));
    }

    /** The same, for someone known by these facts (each may be {@code null}). */
    String generate(String login, String givenName, String surname, LocalDate birthDate) {
        PasswordPolicySettings settings = policy.settings();
        int length = Math.min(Math.max(PREFERRED_LENGTH, settings.minLength()), settings.maxLength());
        String specials = specials(settings);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = draw(length, settings, specials);
            PasswordCandidate judged = new PasswordCandidate(candidate, candidate, login, givenName, surname, birthDate);
            if (policy.violations(judged).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot make a temporary password that meets the password policy");
    }

    /**
     * Adds a new temporary password to {@code update}: the password hashed as the directory verifies it, the
     * must-change flag, its expiry, the change time, the end of any pending reset link, and, when configured,
     * ppolicy's {@code pwdReset}. The password history is left alone: the person never chose this password, and the
     * current password is refused as their next one anyway. Returns the clear password: give it once, keep it nowhere.
     */
    public TemporaryPassword addTo(AccountUpdate update, Account account) {
        Instant now = clock.instant();
        String password = generate(account);
        Instant expiresAt = now.plus(lifetime);
        update.set(AccountField.PASSWORD, hasher.hash(password))
                .set(AccountField.MUST_CHANGE_PASSWORD, true)
                .set(AccountField.TEMPORARY_PASSWORD_EXPIRY, Account.generalizedTime(expiresAt))
                .set(AccountField.PASSWORD_CHANGED_AT, Account.generalizedTime(now));
        String[] resetTokens = account.values(AccountField.TOKEN).stream()
                .filter(token -> token.startsWith(PasswordChange.RESET_TOKEN_PURPOSE + "$"))
                .toArray(String[]::new);
        if (resetTokens.length > 0) {
            update.expectingUnchanged(account, AccountField.TOKEN).remove(AccountField.TOKEN, resetTokens);
        }
        if (writePwdReset) {
            update.set(AccountField.PWD_RESET, true);
        }
        return new TemporaryPassword(password, expiresAt);
    }

    /**
     * Whether the person must choose a new password before using their account: the flag is set (a temporary
     * password), or a temporary password's expiry has passed.
     */
    public boolean mustChangePassword(Account account) {
        return account.isTrue(AccountField.MUST_CHANGE_PASSWORD) || temporaryPasswordExpired(account);
    }

    /** Whether the account's temporary password has expired: the sign-in must refuse it. */
    public boolean temporaryPasswordExpired(Account account) {
        Instant now = clock.instant();
        return account.instant(AccountField.TEMPORARY_PASSWORD_EXPIRY).map(expiry -> !expiry.isAfter(now)).orElse(false);
    }

    private static String specials(PasswordPolicySettings settings) {
        StringBuilder readable = new StringBuilder();
        READABLE_SPECIALS.chars().filter(c -> settings.specials().indexOf(c) >= 0).forEach(readable::appendCodePoint);
        return readable.length() > 0 ? readable.toString() : settings.specials();
    }

    private static String draw(int length, PasswordPolicySettings settings, String specials) {
        List<Character> chars = new ArrayList<>(length);
        StringBuilder all = new StringBuilder(LOWER).append(UPPER).append(DIGITS);
        // One of each required kind first, so that no draw fails for want of one.
        chars.add(pick(LOWER));
        chars.add(pick(UPPER));
        chars.add(pick(DIGITS));
        if (settings.requireSpecial() && !specials.isEmpty()) {
            chars.add(pick(specials));
            all.append(specials);
        }
        while (chars.size() < length) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder(length);
        chars.stream().limit(length).forEach(password::append);
        return password.toString();
    }

    private static char pick(CharSequence alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
