package fr.sesame.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private MailSender sender() {
        return new MailSender(new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), MailSecurity.NONE,
                Optional.empty(), "", "Sésame <no-reply@univ-demo.fr>", Duration.ofSeconds(5)));
    }

    @Test
    void sendsTextAndHtmlAlternativesInUtf8FromTheConfiguredSender() throws Exception {
        sender().send(new OutgoingMail("alice.martin@perso.example.org", "Votre compte Sésame est activé",
                "Bonjour Alice, votre compte est activé.", "<p>Bonjour Alice, votre compte est <b>activé</b>.</p>",
                Locale.FRENCH));

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertEquals("Votre compte Sésame est activé", received.getSubject());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("Sésame", from.getPersonal());
        assertEquals("no-reply@univ-demo.fr", from.getAddress());
        assertEquals("fr", received.getHeader("Content-Language")[0]);
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
        assertEquals(2, alternative.getCount());
        assertTrue(GreenMailUtil.getBody(alternative.getBodyPart(0)).contains("activ"));
        assertTrue(alternative.getBodyPart(1).getContentType().startsWith("text/html"));
    }

    @Test
    void aRecipientOrSubjectCarryingALineBreakIsRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> new OutgoingMail(
                "a@example.org\r\nBcc: victim@example.org", "s", "t", "h", Locale.FRENCH));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingMail(
                "a@example.org", "Hello\nBcc: victim@example.org", "t", "h", Locale.FRENCH));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void aMalformedAddressIsNotSent() {
        assertThrows(MailNotSentException.class, () -> sender().send(
                new OutgoingMail("not an address, other@", "s", "t", "h", Locale.ENGLISH)));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerIsReportedSoTheFlowCanSaySo() {
        MailSender nowhere = new MailSender(new MailSettings("127.0.0.1", 1, MailSecurity.NONE, Optional.empty(), "",
                "no-reply@univ-demo.fr", Duration.ofSeconds(2)));

        assertThrows(MailNotSentException.class, () -> nowhere.send(
                new OutgoingMail("a@example.org", "s", "t", "h", Locale.FRENCH)));
    }
}
