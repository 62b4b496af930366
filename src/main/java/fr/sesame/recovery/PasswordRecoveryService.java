package fr.sesame.recovery;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailNotSentException;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordProblem;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.FailureKind;
import fr.sesame.security.Throttles;
import fr.sesame.web.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forgotten-password flow's decisions and writes: which identified accounts may use it, the joker
 * answer as proof (few tries, then the account's self-service is locked), and the new password, written in
 * one guarded modify and notified to the personal address.
 */
@ApplicationScoped
public class PasswordRecoveryService {

    /** Whether an identified account can go on to its joker question, and if not, why. */
    public enum Eligibility {
        ELIGIBLE,
        NOT_ACTIVATED,
        NO_JOKER,
        NOT_ALLOWED
    }

    /** What the answer to the joker question led to. */
    public sealed interface AnswerOutcome {
        record Accepted() implements AnswerOutcome {}

        record Wrong(int triesLeft) implements AnswerOutcome {}

        record Locked(Instant until) implements AnswerOutcome {}
    }

    private PeopleDirectory people;
    private PasswordChange passwords;
    private AccountThrottle throttle;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private SesameConfig config;
    private Clock clock;

    /** For CDI's proxy only. */
    protected PasswordRecoveryService() {}

    @Inject
    public PasswordRecoveryService(PeopleDirectory people, PasswordChange passwords, Throttles throttles,
            AuditTrail audit, MailSender mailSender, MailComposer mails, SesameConfig config) {
        this(people, passwords, throttles.accounts(), audit, mailSender, mails, config, Clock.systemUTC());
    }

    public PasswordRecoveryService(PeopleDirectory people, PasswordChange passwords, AccountThrottle throttle,
            AuditTrail audit, MailSender mailSender, MailComposer mails, SesameConfig config, Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    public Eligibility eligibility(Account account) {
        if (!account.accountAllowed() || account.isTrue(AccountField.SELF_SERVICE_DISABLED)) {
            return Eligibility.NOT_ALLOWED;
        }
        if (!account.has(AccountField.ACTIVATED_AT) && !account.has(AccountField.PASSWORD)) {
            return Eligibility.NOT_ACTIVATED;
        }
        if (!account.has(AccountField.JOKER_ANSWER) || !account.has(AccountField.JOKER_QUESTION)
                || account.isTrue(AccountField.JOKER_RESET_REQUIRED)) {
            return Eligibility.NO_JOKER;
        }
        return Eligibility.ELIGIBLE;
    }

    /** Whether the stricter mode (a mailed code before the joker question) is on. */
    public boolean requiresMailedCode() {
        return config.recoveryMailCode();
    }

    /**
     * Mails a fresh verification code to the account's personal address; empty when it has none or the mail
     * could not leave (the flow then cannot go on in the stricter mode).
     */
    public Optional<MailedCode> mailCode(String dn, Locale locale) {
        Account account = people.getByDn(dn);
        if (account.personalEmail().isEmpty()) {
            return Optional.empty();
        }
        long minutes = config.recoveryMailCodeLifetime().toMinutes();
        MailedCode.Issued issued = MailedCode.issue(clock.instant().plus(config.recoveryMailCodeLifetime()));
        try {
            mailSender.send(mails.compose(MailTemplate.RECOVERY_CODE, account.personalEmail().get(), locale,
                    account.displayName(), issued.digits(), minutes));
            return Optional.of(issued.code());
        } catch (MailNotSentException e) {
            return Optional.empty();
        }
    }

    /** Checks a typed code now. */
    public MailedCode.Check checkCode(MailedCode code, String typed) {
        return code.check(typed, clock.instant());
    }

    /** The account's own joker question, as it chose it. */
    public Optional<String> question(String dn) {
        return people.getByDn(dn).value(AccountField.JOKER_QUESTION);
    }

    /**
     * Checks the answer against the account's stored hash, re-read now. A wrong answer counts in the
     * directory; the last allowed one locks the account's self-service.
     */
    public AnswerOutcome answer(String dn, String answer, String clientAddress) {
        Account account = people.getByDn(dn);
        Optional<Instant> locked = throttle.lockedUntil(account);
        if (locked.isPresent()) {
            return new AnswerOutcome.Locked(locked.get());
        }
        if (JokerAnswers.matches(answer, account.value(AccountField.JOKER_ANSWER).orElse(""))) {
            throttle.clear(account, FailureKind.JOKER);
            return new AnswerOutcome.Accepted();
        }
        Optional<Instant> nowLocked = throttle.recordFailure(account, FailureKind.JOKER);
        AuditRecord failure = AuditRecord.of(clock.instant(), AuditEvent.JOKER_ANSWER_FAILED, false,
                AuditRecord.ANONYMOUS, clientAddress, account.login(), java.util.Map.of());
        audit.log(failure);
        if (nowLocked.isPresent()) {
            audit.log(AuditRecord.of(clock.instant(), AuditEvent.ACCOUNT_LOCKED, true, AuditRecord.ANONYMOUS,
                    clientAddress, account.login(), java.util.Map.of("kind", FailureKind.JOKER.key())));
            return new AnswerOutcome.Locked(nowLocked.get());
        }
        int left = config.throttle().limit(FailureKind.JOKER).maxFailures()
                - throttle.recentFailures(people.getByDn(dn), FailureKind.JOKER);
        return new AnswerOutcome.Wrong(Math.max(left, 1));
    }

    /**
     * Writes the new password in one modify guarded by the history it was judged against; a concurrent
     * change makes it re-read and judge again rather than overwrite.
     */
    public RecoveryOutcome reset(String dn, String password, String confirmation, Locale locale, String clientAddress) {
        for (int attempt = 0; ; attempt++) {
            Account account = people.getByDn(dn);
            if (eligibility(account) != Eligibility.ELIGIBLE) {
                return new RecoveryOutcome.NotAllowed();
            }
            List<PasswordProblem> problems = passwords.problems(account, password, confirmation);
            if (!problems.isEmpty()) {
                return new RecoveryOutcome.PasswordRefused(problems);
            }
            Instant now = clock.instant();
            AccountUpdate update = AccountUpdate.of(account);
            passwords.addTo(update, account, password, now);
            try {
                audit.applyAudited(update, account,
                        AuditRecord.bySelf(AuditEvent.PASSWORD_CHANGED, account.login(), clientAddress, now)
                                .with("flow", "joker"));
                return new RecoveryOutcome.PasswordChanged(notify(account, now, locale));
            } catch (ConcurrentChangeException changedMeanwhile) {
                if (attempt >= 2) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private boolean notify(Account account, Instant when, Locale locale) {
        if (account.personalEmail().isEmpty()) {
            return false;
        }
        return mailSender.trySend(mails.compose(MailTemplate.PASSWORD_CHANGED, account.personalEmail().get(), locale,
                account.displayName(), account.login(), Times.dateTime(when, locale), config.publicBaseUrl()));
    }
}
