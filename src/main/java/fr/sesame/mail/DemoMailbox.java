package fr.sesame.mail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Backs the demo mailbox page: the mails the embedded SMTP server received, so a newcomer reads the
 * activation, reset and reminder mails in the browser. Reachable only in embedded mode ({@link DemoMailboxGuard}).
 */
@Named
@RequestScoped
public class DemoMailbox {

    /** One received mail, as the page shows it. */
    public record ReceivedMail(String to, String subject, Date sent, String text, String html) {}

    @Inject
    DemoMailServer server;

    private List<ReceivedMail> mails;

    public List<ReceivedMail> getMails() {
        if (mails == null) {
            mails = new ArrayList<>();
            for (MimeMessage message : server.receivedNewestFirst()) {
                mails.add(read(message));
            }
        }
        return mails;
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            String[] parts = {"", ""};
            collect(message.getContent(), message.getContentType(), parts);
            return new ReceivedMail(to, message.getSubject(), message.getSentDate(), parts[0], parts[1]);
        } catch (MessagingException | IOException e) {
            return new ReceivedMail("?", "?", null, "This mail could not be read: " + e.getMessage(), "");
        }
    }

    private static void collect(Object content, String type, String[] parts) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (content instanceof String text) {
            parts[type.toLowerCase().startsWith("text/html") ? 1 : 0] = text;
        }
    }
}
