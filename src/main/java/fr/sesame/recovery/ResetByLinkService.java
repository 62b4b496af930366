package fr.sesame.recovery;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.AccountNotFoundException;
import fr.sesame.directory.DirectoryException;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordProblem;
import fr.sesame.token.TokenPurpose;
import fr.sesame.token.Tokens;
import fr.sesame.token.Tokens.ValidToken;
import fr.sesame.web.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The mailed reset link's page (seed 004): which account a link is for, and the new password set with it, in the
 * same single guarded modify as every other flow ({@link PasswordChange}) plus the end of the link, so that a link
 * works once, even clicked in two tabs at once. Opening the link changes nothing: mail scanners open links too.
 */
@ApplicationScoped
public class ResetByLinkService {

    /** The page the link leads to. */
    public static final String PAGE = "/recovery/reset.xhtml";

    private Tokens tokens;
    private PasswordChange passwords;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private SesameConfig config;
    private Clock clock;

    /** For CDI's proxy only. */
    protected ResetByLinkService() {}

    @Inject
    public ResetByLinkService(Tokens tokens, PasswordChange passwords, AuditTrail audit, MailSender mailSender,
            MailComposer mails, SesameConfig config) {
        this(tokens, passwords, audit, mailSender, mails, config, Clock.systemUTC());
    }

    public ResetByLinkService(Tokens tokens, PasswordChange passwords, AuditTrail audit, MailSender mailSender,
            MailComposer mails, SesameConfig config, Clock clock) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** The login of the account the link is for, while the link works and the account is open to self-service. */
    public Optional<String> loginFor(String uid, String token) {
        return tokens.find(uid, token, TokenPurpose.RESET)
                .filter(valid -> openToSelfService(valid.account()))
                .map(valid -> valid.account().login());
    }

    /**
     * Sets the new password if the link still works and the password meets the policy; the link then stops working.
     * A refused password leaves the link usable. A concurrent change to the account makes it re-read and judge again;
     * if the concurrent change was the link's own use, the answer is {@link RecoveryOutcome.LinkNotValid}.
     */
    public RecoveryOutcome reset(String uid, String token, String password, String confirmation, Locale locale,
            String clientAddress) {
        for (int attempt = 0; ; attempt++) {
            Optional<ValidToken> found = tokens.find(uid, token, TokenPurpose.RESET);
            if (found.isEmpty()) {
                return new RecoveryOutcome.LinkNotValid();
            }
            Account account = found.get().account();
            if (!openToSelfService(account)) {
                return new RecoveryOutcome.NotAllowed();
            }
            List<PasswordProblem> problems = passwords.problems(account, password, confirmation);
            if (!problems.isEmpty()) {
                return new RecoveryOutcome.PasswordRefused(problems);
            }
            Instant now = clock.instant();
            AccountUpdate update = AccountUpdate.of(account);
            passwords.addTo(update, account, password, now);
            tokens.consume(update, found.get());
            try {
                audit.applyAudited(update, account,
                        AuditRecord.bySelf(AuditEvent.PASSWORD_CHANGED, account.login(), clientAddress, now)
                                .with("flow", "link"));
                return new RecoveryOutcome.PasswordChanged(notify(account, now, locale));
            } catch (DirectoryUnavailableException | AccountNotFoundException e) {
                throw e;
            } catch (DirectoryException changedMeanwhile) {
                // A failed guard, or a value to remove already gone (how the embedded directory says the same):
                // read again; if the link was used meanwhile, it is no longer found.
                if (attempt >= 2) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private static boolean openToSelfService(Account account) {
        return account.accountAllowed() && !account.isTrue(AccountField.SELF_SERVICE_DISABLED);
    }

    private boolean notify(Account account, Instant when, Locale locale) {
        if (account.personalEmail().isEmpty()) {
            return false;
        }
        return mailSender.trySend(mails.compose(MailTemplate.PASSWORD_CHANGED, account.personalEmail().get(), locale,
                    account.displayName(), account.login(), Times.dateTime(when, locale), config.publicBaseUrl()));
    }
}
