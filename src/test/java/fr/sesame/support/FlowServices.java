package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sesame.activation.ActivationService;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.AttributeMap;
import fr.sesame.directory.DirectoryConnections;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordChange;
import fr.sesame.recovery.PasswordRecoveryService;
import fr.sesame.selfcare.AccountSettings;
import fr.sesame.security.AccountThrottle;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * The self-service services wired by hand, as CDI wires them in the portal, against a given directory and
 * a GreenMail server: for tests of each flow's writes on the embedded directory and on a real slapd.
 */
public final class FlowServices implements AutoCloseable {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));
    public final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    public final SesameConfig config;
    public final DirectoryConnections connections;
    public final PeopleDirectory people;
    public final AccountThrottle throttle;
    public final ActivationService activation;
    public final PasswordRecoveryService recovery;
    public final AccountSettings accountSettings;

    public FlowServices(DirectorySettings directory) {
        this(directory, Map.of());
    }

    /** With more settings, e.g. {@code sesame.recovery.mail-code=true}. */
    public FlowServices(DirectorySettings directory, Map<String, String> moreSettings) {
        mail.start();
        Map<String, String> settings = new java.util.HashMap<>(moreSettings);
        settings.put("sesame.mail.host", "127.0.0.1");
        settings.put("sesame.mail.port", String.valueOf(mail.getSmtp().getPort()));
        settings.put("sesame.password.crypt-rounds", "5000");
        config = new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build());
        connections = DirectoryConnections.open(directory);
        people = new PeopleDirectory(connections, AttributeMap.defaults());
        throttle = new AccountThrottle(people, config.throttle(), clock);
        PasswordChange passwords = new PasswordChange(config);
        AuditTrail audit = new AuditTrail(people);
        MailSender sender = new MailSender(config.mail());
        MailComposer composer = new MailComposer(config);
        activation = new ActivationService(people, passwords, audit, sender, composer, config, clock);
        recovery = new PasswordRecoveryService(people, passwords, throttle, audit, sender, composer, config, clock);
        accountSettings = new AccountSettings(people, passwords, new JokerAnswers(new Argon2Hasher(1024, 1, 1)), throttle,
                audit, sender, composer, config, clock);
    }

    @Override
    public void close() {
        connections.close();
        mail.stop();
    }
}
