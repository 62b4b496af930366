package fr.sesame.password;

import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a person's password, the same way in every flow: judges it against the policy and the history, and
 * adds to the flow's single modify the hashed password, the rotated history, the change time, and the end
 * of any pending reset link or temporary password. The write is guarded by the history it was judged
 * against, so a concurrent change makes it fail rather than overwrite.
 */
@ApplicationScoped
public class PasswordChange {

    /** Tokens of this purpose die with any password change. */
    public static final String RESET_TOKEN_PURPOSE = "reset";

    private PasswordPolicy policy;
    private PasswordHistory history;
    private UserPasswordHasher hasher;
    private boolean clearsPwdReset;

    /** For CDI's proxy only. */
    protected PasswordChange() {}

    @Inject
    public PasswordChange(SesameConfig config) {
        this(new PasswordPolicy(config.passwordPolicy()), new PasswordHistory(config.passwordPolicy().historySize()),
                new UserPasswordHasher(config.passwordScheme(), config.passwordCryptRounds()));
        // Where temporary passwords also set ppolicy's pwdReset, choosing one's own password ends it too.
        this.clearsPwdReset = config.temporaryPasswordPwdReset();
    }

    public PasswordChange(PasswordPolicy policy, PasswordHistory history, UserPasswordHasher hasher) {
        this.policy = policy;
        this.history = history;
        this.hasher = hasher;
    }

    /** The policy, for the pages' checklist ({@code #{passwordPolicy}}). */
    @Produces
    @Named("passwordPolicy")
    public PasswordPolicy policy() {
        return policy;
    }

    /**
     * Why this password may not become the account's, in checklist order; empty when it may. The history
     * (slow hashes) is only consulted once every cheap rule holds.
     */
    public List<PasswordProblem> problems(Account account, String password, String confirmation) {
        PasswordCandidate candidate = new PasswordCandidate(password, confirmation, account.login(),
                account.value(AccountField.GIVEN_NAME).orElse(null), account.value(AccountField.SURNAME).orElse(null),
                account.birthDate().orElse(null));
        List<PasswordProblem> problems = new ArrayList<>();
        for (PasswordRule rule : policy.violations(candidate)) {
            problems.add(problem(rule));
        }
        if (problems.isEmpty() && reusesAnEarlierPassword(account, password)) {
            problems.add(problem(PasswordRule.REUSED));
        }
        return problems;
    }

    private boolean reusesAnEarlierPassword(Account account, String password) {
        return history.reuses(password, account.values(AccountField.PASSWORD_HISTORY))
                || account.values(AccountField.PASSWORD).stream()
                        .anyMatch(current -> UserPasswordHasher.matches(password, current));
    }

    private PasswordProblem problem(PasswordRule rule) {
        PasswordPolicy.ChecklistItem item = policy.describe(rule);
        return new PasswordProblem(rule, item.parameter());
    }

    /** Adds the password change to {@code update}; call {@link #problems} first. */
    public void addTo(AccountUpdate update, Account account, String password, Instant now) {
        update.expectingUnchanged(account, AccountField.PASSWORD_HISTORY)
                .set(AccountField.PASSWORD, hasher.hash(password))
                .set(AccountField.PASSWORD_HISTORY, history.rotate(account.values(AccountField.PASSWORD_HISTORY), password, now))
                .set(AccountField.PASSWORD_CHANGED_AT, Account.generalizedTime(now))
                .clear(AccountField.MUST_CHANGE_PASSWORD)
                .clear(AccountField.TEMPORARY_PASSWORD_EXPIRY);
        if (clearsPwdReset) {
            update.clear(AccountField.PWD_RESET);
        }
        String[] resetTokens = account.values(AccountField.TOKEN).stream()
                .filter(token -> token.startsWith(RESET_TOKEN_PURPOSE + "$"))
                .toArray(String[]::new);
        if (resetTokens.length > 0) {
            update.remove(AccountField.TOKEN, resetTokens);
        }
    }
}
