package fr.sesame.activation;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.Consents;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.mail.MailComposer;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Activates an account: checks it may be activated, then writes every choice of the wizard, the first
 * password, the charter acceptance and the activation time in one modify that only succeeds if the account
 * is still not active, and mails a confirmation. Abandoning the wizard before this call writes nothing.
 */
@ApplicationScoped
public class ActivationService {

    /** Whether an account may go through activation, and if not, why. */
    public enum Eligibility {
        ELIGIBLE,
        ALREADY_ACTIVE,
        NOT_ALLOWED
    }

    private PeopleDirectory people;
    private PasswordChange passwords;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private SesameConfig config;
    private Clock clock;

    /** For CDI's proxy only. */
    protected ActivationService() {}

    @Inject
    public ActivationService(PeopleDirectory people, PasswordChange passwords, AuditTrail audit, MailSender mailSender,
            MailComposer mails, SesameConfig config) {
        this(people, passwords, audit, mailSender, mails, config, Clock.systemUTC());
    }

    public ActivationService(PeopleDirectory people, PasswordChange passwords, AuditTrail audit, MailSender mailSender,
            MailComposer mails, SesameConfig config, Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** An account is active once the portal recorded its activation, or once it has a password. */
    public Eligibility eligibility(Account account) {
        if (!account.accountAllowed() || account.isTrue(AccountField.SELF_SERVICE_DISABLED)) {
            return Eligibility.NOT_ALLOWED;
        }
        if (account.has(AccountField.ACTIVATED_AT) || account.has(AccountField.PASSWORD)) {
            return Eligibility.ALREADY_ACTIVE;
        }
        return Eligibility.ELIGIBLE;
    }

    /** The password's problems for this account (policy and history), before the last step is sent. */
    public List<PasswordProblem> passwordProblems(Account account, String password, String confirmation) {
        return passwords.problems(account, password, confirmation);
    }

    /**
     * Activates the account at {@code dn} with the wizard's choices and the first password, as one write.
     * A concurrent activation (another tab, a double submit) makes this one find the account active and
     * write nothing.
     */
    public ActivationOutcome activate(String dn, ActivationChoices choices, String password, String confirmation,
            Locale locale, String clientAddress) {
        for (int attempt = 0; ; attempt++) {
            Account account = people.getByDn(dn);
            switch (eligibility(account)) {
                case NOT_ALLOWED -> {
                    return new ActivationOutcome.NotAllowed();
                }
                case ALREADY_ACTIVE -> {
                    return new ActivationOutcome.AlreadyActive();
                }
                default -> {}
            }
            List<PasswordProblem> problems = passwords.problems(account, password, confirmation);
            if (!problems.isEmpty()) {
                return new ActivationOutcome.PasswordRefused(problems);
            }
            try {
                write(account, choices, password, locale, clientAddress);
                // Activation changes nothing the mail needs: the account as read serves.
                return new ActivationOutcome.Activated(sendConfirmation(account, locale));
            } catch (ConcurrentChangeException changedMeanwhile) {
                // Activated meanwhile (another tab, a double submit) or changed otherwise: look again, never overwrite.
                if (attempt >= 2) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private void write(Account account, ActivationChoices choices, String password, Locale locale, String clientAddress) {
        Instant now = clock.instant();
        String time = Account.generalizedTime(now);
        AccountUpdate update = AccountUpdate.of(account)
                .expecting(AccountField.ACTIVATED_AT, List.of())
                .set(AccountField.JOKER_QUESTION, choices.jokerQuestion())
                .set(AccountField.JOKER_ANSWER, choices.jokerAnswerHash())
                .set(AccountField.DIRECTORY_HIDDEN, !choices.listedInDirectory())
                .set(AccountField.CHARTER_ACCEPTED_AT, time)
                .set(AccountField.ACTIVATED_AT, time)
                .set(AccountField.PREFERRED_LANGUAGE, locale.getLanguage());
        if (choices.smsAlerts()) {
            update.set(AccountField.MOBILE, choices.mobile());
        }
        Consents.apply(update, account, config.smsConsentValue(), choices.smsAlerts());
        Consents.apply(update, account, config.photoConsentValue(), choices.photoUse());
        passwords.addTo(update, account, password, now);
        audit.applyAudited(update, account, AuditRecord.bySelf(AuditEvent.ACCOUNT_ACTIVATED, account.login(),
                clientAddress, now));
    }

    private boolean sendConfirmation(Account account, Locale locale) {
        if (account.personalEmail().isEmpty()) {
            return false;
        }
        return mailSender.trySend(mails.compose(MailTemplate.ACCOUNT_ACTIVATED, account.personalEmail().get(), locale,
                    account.displayName(), account.login(), account.value(AccountField.UID).orElse(""),
                    config.publicBaseUrl()));
    }
}
