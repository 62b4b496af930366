package fr.sesame.recovery;

import fr.sesame.audit.AuditTrail;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordPolicy;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.password.UserPasswordHasher;
import fr.sesame.security.InMemoryClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.support.FlowServices;
import fr.sesame.token.Tokens;
import java.util.Map;

/**
 * The reset-link, login-by-email and temporary-password services wired by hand as CDI wires them, on top of
 * {@link FlowServices} (same directory, clock and GreenMail): one instance is one run of the portal, so closing it
 * and opening another is a restart. Mails are sent at once rather than in the background, and no response-time
 * floor applies, so tests are not about timing.
 */
final class ResetServices implements AutoCloseable {

    final FlowServices flow;
    final Tokens tokens;
    final RecoveryMailService requests;
    final ResetByLinkService links;
    final TemporaryPasswords temporaryPasswords;

    ResetServices(DirectorySettings directory) {
        this(directory, Map.of());
    }

    ResetServices(DirectorySettings directory, Map<String, String> settings) {
        flow = new FlowServices(directory, settings);
        tokens = new Tokens(flow.people, new Argon2Hasher(1024, 1, 1), flow.clock);
        AuditTrail audit = new AuditTrail(flow.people);
        MailSender sender = new MailSender(flow.config.mail());
        MailComposer composer = new MailComposer(flow.config);
        requests = new RecoveryMailService(flow.people, tokens, audit, sender, composer,
                new InMemoryClientThrottle(flow.config.throttle().client(), flow.clock), flow.config,
                ResponseTimeFloor.none(), flow.clock, Runnable::run);
        links = new ResetByLinkService(tokens, new PasswordChange(flow.config), audit, sender, composer, flow.config,
                flow.clock);
        temporaryPasswords = new TemporaryPasswords(new PasswordPolicy(flow.config.passwordPolicy()),
                new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000), flow.config.temporaryPasswordLifetime(),
                flow.config.temporaryPasswordPwdReset(), flow.clock);
    }

    @Override
    public void close() {
        flow.close();
    }
}
