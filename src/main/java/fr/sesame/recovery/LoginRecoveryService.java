package fr.sesame.recovery;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Reminds an identified person of their login: on screen by the page, and by mail to their personal address. */
@ApplicationScoped
public class LoginRecoveryService {

    @Inject
    MailSender mailSender;

    @Inject
    MailComposer mails;

    @Inject
    AuditTrail audit;

    @Inject
    SesameConfig config;

    /** Mails the login to the personal address on record; says whether a mail left. */
    public boolean remind(Account account, Locale locale, String clientAddress) {
        audit.log(AuditRecord.of(Instant.now(), AuditEvent.LOGIN_REMINDED, true, AuditRecord.ANONYMOUS,
                clientAddress, account.login(), Map.of("channel", "identification")));
        if (account.personalEmail().isEmpty()) {
            return false;
        }
        return mailSender.trySend(mails.compose(MailTemplate.LOGIN_REMINDER, account.personalEmail().get(), locale,
                    account.displayName(), account.login(), config.publicBaseUrl()));
    }
}
