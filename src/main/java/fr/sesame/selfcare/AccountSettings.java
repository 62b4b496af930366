package fr.sesame.selfcare;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.Consents;
import fr.sesame.directory.MobileNumbers;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.mail.OutgoingMail;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordProblem;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.FailureKind;
import fr.sesame.security.Throttles;
import fr.sesame.selfcare.SettingsOutcome.AnswerRefused;
import fr.sesame.selfcare.SettingsOutcome.Locked;
import fr.sesame.selfcare.SettingsOutcome.MobileInvalid;
import fr.sesame.selfcare.SettingsOutcome.MobileRequired;
import fr.sesame.selfcare.SettingsOutcome.NotAllowed;
import fr.sesame.selfcare.SettingsOutcome.PasswordIsJokerAnswer;
import fr.sesame.selfcare.SettingsOutcome.PasswordRefused;
import fr.sesame.selfcare.SettingsOutcome.QuestionRefused;
import fr.sesame.selfcare.SettingsOutcome.Saved;
import fr.sesame.selfcare.SettingsOutcome.Unchanged;
import fr.sesame.selfcare.SettingsOutcome.WrongPassword;
import fr.sesame.web.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account page's decisions and writes, one method per section. Each re-reads the account by its DN, judges
 * the change against what the entry holds now, writes it in one modify guarded by what it was judged on (and
 * judges again if the entry changed meanwhile), audits it in the same modify, then mails a notice to the personal
 * address. A change stands even when the notice cannot leave. Changing the password or the joker question asks
 * for the current password, checked by a bind; a wrong one counts as a sign-in failure.
 */
@ApplicationScoped
public class AccountSettings {

    /** The shortest and longest joker question a person may write. */
    public static final int QUESTION_MIN_LENGTH = 5;
    public static final int QUESTION_MAX_LENGTH = 200;

    /** Writes that raced with another writer are judged again, this many times in all. */
    private static final int ATTEMPTS = 3;
    private static final String FLOW = "account";

    private PeopleDirectory people;
    private PasswordChange passwords;
    private JokerAnswers jokerAnswers;
    private AccountThrottle throttle;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private SesameConfig config;
    private Clock clock;

    /** For CDI's proxy only. */
    protected AccountSettings() {}

    @Inject
    public AccountSettings(PeopleDirectory people, PasswordChange passwords, JokerAnswers jokerAnswers,
            Throttles throttles, AuditTrail audit, MailSender mailSender, MailComposer mails, SesameConfig config) {
        this(people, passwords, jokerAnswers, throttles.accounts(), audit, mailSender, mails, config, Clock.systemUTC());
    }

    public AccountSettings(PeopleDirectory people, PasswordChange passwords, JokerAnswers jokerAnswers,
            AccountThrottle throttle, AuditTrail audit, MailSender mailSender, MailComposer mails, SesameConfig config,
            Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.jokerAnswers = jokerAnswers;
        this.throttle = throttle;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** The account at {@code dn} as its page shows it, read now, with its kept security events newest first. */
    public AccountOverview overview(String dn) {
        Account account = people.getByDn(dn);
        List<AccountOverview.Event> events = audit.eventsOf(account).stream()
                .map(record -> new AccountOverview.Event(record.event(), record.at(), record.clientAddress(),
                        record.success(), !record.actor().equalsIgnoreCase(record.subject())
                                && !AuditRecord.ANONYMOUS.equals(record.actor())))
                .toList();
        return new AccountOverview(account.login(), account.value(AccountField.UID).orElse(""),
                account.displayName(),
                Affiliation.of(account.value(AccountField.PRIMARY_AFFILIATION), account.values(AccountField.AFFILIATION)),
                account.instant(AccountField.CREATED_AT).orElse(null),
                account.instant(AccountField.PASSWORD_CHANGED_AT).orElse(null),
                account.personalEmail().orElse(null), account.value(AccountField.MOBILE).orElse(null),
                account.value(AccountField.JOKER_QUESTION).orElse(null),
                account.isTrue(AccountField.JOKER_RESET_REQUIRED),
                Consents.given(account, config.smsConsentValue()), Consents.given(account, config.photoConsentValue()),
                !account.isTrue(AccountField.DIRECTORY_HIDDEN), events);
    }

    /**
     * Sets a new password once the current one is proved: judged against the policy and the history, never the
     * joker answer, written with the rotated history; the notice is the usual "password changed" mail.
     */
    public SettingsOutcome changePassword(String dn, String currentPassword, String password, String confirmation,
            Locale locale, String clientAddress) {
        Optional<SettingsOutcome> unproved = proveCurrentPassword(dn, currentPassword, AuditEvent.PASSWORD_CHANGED,
                clientAddress);
        if (unproved.isPresent()) {
            return unproved.get();
        }
        return write(dn, locale, account -> {
            List<PasswordProblem> problems = passwords.problems(account, password, confirmation);
            if (!problems.isEmpty()) {
                return Decision.answer(new PasswordRefused(problems));
            }
            if (account.value(AccountField.JOKER_ANSWER).map(hash -> JokerAnswers.matches(password, hash)).orElse(false)) {
                return Decision.answer(new PasswordIsJokerAnswer());
            }
            Instant now = clock.instant();
            AccountUpdate update = AccountUpdate.of(account);
            passwords.addTo(update, account, password, now);
            return Decision.write(update, bySelf(AuditEvent.PASSWORD_CHANGED, account, clientAddress, now), null);
        });
    }

    /**
     * Replaces the joker question and answer once the current password is proved, and ends any request of the
     * helpdesk to choose new ones. {@code question} is the text the person chose or wrote.
     */
    public SettingsOutcome changeJoker(String dn, String currentPassword, String question, String answer,
            Locale locale, String clientAddress) {
        Optional<SettingsOutcome> unproved = proveCurrentPassword(dn, currentPassword, AuditEvent.JOKER_CHANGED,
                clientAddress);
        if (unproved.isPresent()) {
            return unproved.get();
        }
        String chosen = question == null ? "" : question.strip();
        if (chosen.length() < QUESTION_MIN_LENGTH || chosen.length() > QUESTION_MAX_LENGTH) {
            return new QuestionRefused();
        }
        Optional<JokerAnswers.Problem> problem =
                JokerAnswers.problemWith(answer, people.getByDn(dn).login(), currentPassword);
        if (problem.isPresent()) {
            return new AnswerRefused(problem.get());
        }
        // A slow hash: made once, not at each attempt to write.
        String answerHash = jokerAnswers.hash(answer);
        return write(dn, locale, account -> {
            Instant now = clock.instant();
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.JOKER_ANSWER)
                    .set(AccountField.JOKER_QUESTION, chosen)
                    .set(AccountField.JOKER_ANSWER, answerHash)
                    .clear(AccountField.JOKER_RESET_REQUIRED);
            return Decision.write(update, bySelf(AuditEvent.JOKER_CHANGED, account, clientAddress, now),
                    AccountChange.JOKER);
        });
    }

    /**
     * Records the consent to SMS alerts and the mobile number (normalised; required with the consent, removed
     * when left empty without it). Other consents of {@code supannConsentement} are left alone.
     */
    public SettingsOutcome changeSms(String dn, boolean alerts, String mobile, Locale locale, String clientAddress) {
        Optional<String> number = Optional.empty();
        if (mobile != null && !mobile.isBlank()) {
            number = MobileNumbers.normalize(mobile);
            if (number.isEmpty()) {
                return new MobileInvalid();
            }
        } else if (alerts) {
            return new MobileRequired();
        }
        Optional<String> typed = number;
        return write(dn, locale, account -> {
            String consent = config.smsConsentValue();
            boolean consentChanges = Consents.given(account, consent) != alerts;
            Optional<String> onFile = account.value(AccountField.MOBILE)
                    .map(value -> MobileNumbers.normalize(value).orElse(value));
            boolean mobileChanges = !onFile.equals(typed);
            if (!consentChanges && !mobileChanges) {
                return Decision.answer(new Unchanged());
            }
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.CONSENT)
                    .expectingUnchanged(account, AccountField.MOBILE);
            Consents.apply(update, account, consent, alerts);
            if (mobileChanges) {
                update.set(AccountField.MOBILE, typed.stream().toList());
            }
            AuditRecord record = bySelf(AuditEvent.SMS_PREFERENCES_CHANGED, account, clientAddress, clock.instant())
                    .with("sms", alerts ? "yes" : "no")
                    .with("mobile", !mobileChanges ? "unchanged" : typed.isPresent() ? "set" : "removed");
            return Decision.write(update, record, AccountChange.SMS);
        });
    }

    /** Records the consent to the use of one's photo and the visibility in the internal directory. */
    public SettingsOutcome changePrivacy(String dn, boolean photoUse, boolean listedInDirectory, Locale locale,
            String clientAddress) {
        return write(dn, locale, account -> {
            String consent = config.photoConsentValue();
            boolean photoChanges = Consents.given(account, consent) != photoUse;
            boolean directoryChanges = account.isTrue(AccountField.DIRECTORY_HIDDEN) == listedInDirectory;
            if (!photoChanges && !directoryChanges) {
                return Decision.answer(new Unchanged());
            }
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.CONSENT)
                    .expectingUnchanged(account, AccountField.DIRECTORY_HIDDEN);
            Consents.apply(update, account, consent, photoUse);
            if (directoryChanges) {
                update.set(AccountField.DIRECTORY_HIDDEN, !listedInDirectory);
            }
            AuditRecord record = bySelf(AuditEvent.PRIVACY_PREFERENCES_CHANGED, account, clientAddress, clock.instant())
                    .with("photo", photoUse ? "yes" : "no")
                    .with("directory", listedInDirectory ? "listed" : "hidden");
            AccountChange change = photoChanges && directoryChanges ? AccountChange.PHOTO_AND_DIRECTORY
                    : photoChanges ? AccountChange.PHOTO : AccountChange.DIRECTORY;
            return Decision.write(update, record, change);
        });
    }

    /**
     * Checks the current password by a bind, unless the account's self-service is suspended. A wrong one is a
     * sign-in failure (it may suspend the account, as at sign-in); a right one forgets earlier sign-in failures.
     *
     * @return the refusal, or empty when proved
     */
    private Optional<SettingsOutcome> proveCurrentPassword(String dn, String currentPassword, AuditEvent attempted,
            String clientAddress) {
        Account account = people.getByDn(dn);
        if (!allowed(account)) {
            return Optional.of(new NotAllowed());
        }
        Optional<Instant> locked = throttle.lockedUntil(account);
        if (locked.isPresent()) {
            return Optional.of(new Locked(locked.get()));
        }
        if (people.passwordMatches(account, currentPassword)) {
            throttle.clear(account, FailureKind.SIGNIN);
            return Optional.empty();
        }
        Instant now = clock.instant();
        audit.log(bySelf(attempted, account, clientAddress, now).with("reason", "wrong-current-password").failed());
        Optional<Instant> nowLocked = throttle.recordFailure(account, FailureKind.SIGNIN);
        if (nowLocked.isPresent()) {
            audit.log(AuditRecord.of(now, AuditEvent.ACCOUNT_LOCKED, true, account.login(), clientAddress,
                    account.login(), Map.of("kind", FailureKind.SIGNIN.key())));
            return Optional.of(new Locked(nowLocked.get()));
        }
        int left = config.throttle().limit(FailureKind.SIGNIN).maxFailures()
                - throttle.recentFailures(people.getByDn(dn), FailureKind.SIGNIN);
        return Optional.of(new WrongPassword(Math.max(left, 1)));
    }

    /** Reads, decides and writes, again from the reading when the entry changed since it was read. */
    private SettingsOutcome write(String dn, Locale locale, Function<Account, Decision> decide) {
        for (int attempt = 1; ; attempt++) {
            Account account = people.getByDn(dn);
            if (!allowed(account)) {
                return new NotAllowed();
            }
            Decision decision = decide.apply(account);
            if (decision.outcome() != null) {
                return decision.outcome();
            }
            try {
                audit.applyAudited(decision.update(), account, decision.record());
            } catch (ConcurrentChangeException changedMeanwhile) {
                // Another tab, another flow or the helpdesk changed the entry: judge again what it holds now.
                if (attempt >= ATTEMPTS) {
                    throw changedMeanwhile;
                }
                continue;
            }
            return new Saved(notify(account, decision, locale));
        }
    }

    private static boolean allowed(Account account) {
        return account.accountAllowed() && !account.isTrue(AccountField.SELF_SERVICE_DISABLED);
    }

    private static AuditRecord bySelf(AuditEvent event, Account account, String clientAddress, Instant at) {
        return AuditRecord.bySelf(event, account.login(), clientAddress, at).with("flow", FLOW);
    }

    private boolean notify(Account account, Decision decision, Locale locale) {
        if (account.personalEmail().isEmpty()) {
            return false;
        }
        String to = account.personalEmail().get();
        String when = Times.dateTime(decision.record().at(), locale);
        OutgoingMail mail = decision.change() == null
                ? mails.compose(MailTemplate.PASSWORD_CHANGED, to, locale, account.displayName(), account.login(), when,
                        config.publicBaseUrl())
                : mails.compose(MailTemplate.ACCOUNT_CHANGED, to, locale, account.displayName(), account.login(),
                        decision.change().phrase(locale), when, config.publicBaseUrl());
        return mailSender.trySend(mail);
    }

    /**
     * What a section decided about the account as read: an answer without writing, or a write with its audit
     * record and the change the notice names ({@code null}: the password notice).
     */
    private record Decision(SettingsOutcome outcome, AccountUpdate update, AuditRecord record, AccountChange change) {

        static Decision answer(SettingsOutcome outcome) {
            return new Decision(outcome, null, null, null);
        }

        static Decision write(AccountUpdate update, AuditRecord record, AccountChange change) {
            return new Decision(null, update, record, change);
        }
    }
}
