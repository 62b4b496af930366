package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;

/** Reads what the portal mailed to one address, from the GreenMail server the portal under test sends to. */
public final class Inbox {

    private final GreenMail server;
    private final String address;

    public Inbox(GreenMail server, String address) {
        this.server = server;
        this.address = address;
    }

    /** Every mail to this address so far, oldest first. */
    public List<MimeMessage> mails() {
        return Arrays.stream(server.getReceivedMessages()).filter(this::isForMe).toList();
    }

    /** The newest mail to this address, waiting up to 10 s for one to arrive. */
    public MimeMessage awaitNewest() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mails = mails();
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail to " + address + " within 10 s");
    }

    /** The plain-text part of a mail the portal sent (multipart/alternative, text first). */
    public static String text(MimeMessage mail) {
        try {
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            return ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private boolean isForMe(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
