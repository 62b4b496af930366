package fr.sesame.mail;

import fr.sesame.config.SesameConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends {@link OutgoingMail} through Jakarta Mail to the configured SMTP server (or the embedded demo
 * server). Logs who was written to and why it failed, never a mail's content.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    private MailSettings settings;
    private Session session;
    private InternetAddress from;

    /** For CDI's proxy only. */
    protected MailSender() {}

    @Inject
    public MailSender(SesameConfig config, DemoMailServer demo) {
        this(demo.running() ? config.mail().pointedAt("127.0.0.1", demo.port()) : config.mail());
    }

    public MailSender(MailSettings settings) {
        this.settings = settings;
        this.session = session(settings);
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.from.setPersonal(from.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("sesame.mail.from is not a valid address: " + settings.from(), e);
        }
    }

    /**
     * Sends the mail and says whether it left. A failure is logged (recipient and reason, never the content);
     * the flows keep their change anyway, since the directory is the record, and tell the person.
     */
    public boolean trySend(OutgoingMail mail) {
        try {
            send(mail);
            return true;
        } catch (MailNotSentException e) {
            return false;
        }
    }

    /** Sends the mail as multipart/alternative (text, then HTML), UTF-8. */
    public void send(OutgoingMail mail) throws MailNotSentException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Content-Language", mail.locale().toLanguageTag());
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
            deliver(message);
            LOG.fine(() -> "Mail sent to " + mail.to());
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "Mail to {0} could not be sent: {1}", new Object[] {mail.to(), e.getMessage()});
            throw new MailNotSentException("Mail could not be sent", e);
        }
    }

    private void deliver(MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport(settings.security() == MailSecurity.TLS ? "smtps" : "smtp")) {
            if (settings.username().isPresent()) {
                transport.connect(settings.host(), settings.port(), settings.username().get(), settings.password());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static Session session(MailSettings settings) {
        Properties props = new Properties();
        String protocol = settings.security() == MailSecurity.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        String timeout = String.valueOf(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        if (settings.security() == MailSecurity.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != MailSecurity.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (settings.username().isPresent()) {
            props.put("mail." + protocol + ".auth", "true");
        }
        return Session.getInstance(props);
    }
}
