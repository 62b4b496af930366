package fr.sesame.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sesame.config.SesameConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The demo SMTP server (GreenMail), started inside the portal when {@code sesame.embedded} is on. It
 * accepts every mail the portal sends through the real Jakarta Mail path and keeps it in memory, for the
 * demo mailbox page ({@code /mail/mailbox.xhtml}). Never started in production, nor when
 * {@code sesame.embedded.mail=false} sends the embedded mode's mail elsewhere (the load benchmark reads it itself).
 */
@ApplicationScoped
public class DemoMailServer {

    private static final Logger LOG = Logger.getLogger(DemoMailServer.class.getName());

    private SesameConfig config;
    private GreenMail greenMail;

    /** For CDI's proxy only. */
    protected DemoMailServer() {}

    @Inject
    public DemoMailServer(SesameConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        running();
    }

    /** Whether the demo server runs (it starts on first ask when the embedded mode is on). */
    public synchronized boolean running() {
        if (greenMail == null && config.embeddedMail()) {
            ServerSetup smtp = new ServerSetup(config.embeddedSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            if (config.embeddedSmtpPort() == 0) {
                smtp = smtp.dynamicPort();
            }
            greenMail = new GreenMail(smtp);
            greenMail.start();
            LOG.info(() -> "Embedded demo SMTP server on 127.0.0.1:" + port()
                    + "; read its mail at " + config.publicBaseUrl() + "/mail/mailbox.xhtml");
        }
        return greenMail != null;
    }

    public synchronized int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received since start, newest first. */
    public synchronized List<MimeMessage> receivedNewestFirst() {
        if (greenMail == null) {
            return List.of();
        }
        List<MimeMessage> messages = Arrays.asList(greenMail.getReceivedMessages());
        java.util.Collections.reverse(messages);
        return messages;
    }

    @PreDestroy
    synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
