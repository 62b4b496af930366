package fr.sesame.helpdesk;

import fr.sesame.audit.AuditTrail;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.PasswordPolicy;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.password.UserPasswordHasher;
import fr.sesame.recovery.RecoveryMailService;
import fr.sesame.security.InMemoryClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.support.FlowServices;
import fr.sesame.token.Tokens;

/** The helpdesk service wired by hand on the services of a test's directory, as CDI wires it in the portal. */
final class HelpdeskServices {

    private HelpdeskServices() {}

    static HelpdeskService on(FlowServices services) {
        AuditTrail audit = new AuditTrail(services.people);
        Tokens tokens = new Tokens(services.people, new Argon2Hasher(1024, 1, 1), services.clock);
        RecoveryMailService mails = new RecoveryMailService(services.people, tokens, audit,
                new MailSender(services.config.mail()), new MailComposer(services.config),
                new InMemoryClientThrottle(services.config.throttle().client(), services.clock), services.config,
                ResponseTimeFloor.none(), services.clock, Runnable::run);
        TemporaryPasswords temporary = new TemporaryPasswords(new PasswordPolicy(services.config.passwordPolicy()),
                new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000), services.config.temporaryPasswordLifetime(),
                false, services.clock);
        return new HelpdeskService(services.people, audit, services.throttle, temporary, mails, services.clock);
    }
}
