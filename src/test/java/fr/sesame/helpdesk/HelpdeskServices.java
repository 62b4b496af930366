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
import fr.sesame.sms.DevSmsGateway;
import fr.sesame.sms.SmsSender;
import fr.sesame.support.FlowServices;
import fr.sesame.token.Tokens;

/** The helpdesk service wired by hand on the services of a test's directory, as CDI wires it in the portal. */
final class HelpdeskServices {

    final AuditTrail audit;
    final Tokens tokens;
    final RecoveryMailService mails;
    final TemporaryPasswords temporary;
    /** Where the SMS of {@link #helpdesk()} arrive. */
    final DevSmsGateway outbox;
    private final FlowServices services;

    HelpdeskServices(FlowServices services) {
        this.services = services;
        audit = new AuditTrail(services.people);
        tokens = new Tokens(services.people, new Argon2Hasher(1024, 1, 1), services.clock);
        mails = new RecoveryMailService(services.people, tokens, audit,
                new MailSender(services.config.mail()), new MailComposer(services.config),
                new InMemoryClientThrottle(services.config.throttle().client(), services.clock), services.config,
                ResponseTimeFloor.none(), services.clock, Runnable::run);
        temporary = new TemporaryPasswords(new PasswordPolicy(services.config.passwordPolicy()),
                new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000), services.config.temporaryPasswordLifetime(),
                false, services.clock);
        outbox = new DevSmsGateway(services.clock);
    }

    static HelpdeskService on(FlowServices services) {
        return new HelpdeskServices(services).helpdesk();
    }

    /** The helpdesk with the development SMS gateway ({@link #outbox}). */
    HelpdeskService helpdesk() {
        return with(new SmsSender(outbox));
    }

    /** The helpdesk with this SMS sender. */
    HelpdeskService with(SmsSender sms) {
        return new HelpdeskService(services.people, audit, services.throttle, temporary, mails, tokens, sms,
                services.config, services.clock);
    }
}
