package fr.sesame.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private final MailComposer composer = new MailComposer("assistance@univ-demo.fr");

    @Test
    void writesFrenchByDefaultWhateverTheJvmLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            OutgoingMail mail = composer.compose(MailTemplate.LOGIN_REMINDER, "a@example.org", Locale.FRENCH,
                    "Alice Martin", "alice.martin", "http://localhost:8080");

            assertTrue(mail.subject().contains("identifiant"), mail.subject());
            assertTrue(mail.text().contains("alice.martin"));
            assertTrue(mail.text().contains("assistance@univ-demo.fr"));
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void writesEnglishWhenAsked() {
        OutgoingMail mail = composer.compose(MailTemplate.ACCOUNT_ACTIVATED, "a@example.org", Locale.ENGLISH,
                "Alice Martin", "alice.martin", "10000001", "http://localhost:8080");

        assertTrue(mail.subject().contains("activated"));
        assertTrue(mail.html().contains("lang=\"en\""));
        assertTrue(mail.text().contains("10000001"));
    }

    @Test
    void parametersAreEscapedInTheHtmlBody() {
        OutgoingMail mail = composer.compose(MailTemplate.LOGIN_REMINDER, "a@example.org", Locale.FRENCH,
                "<script>alert(1)</script>", "x", "http://localhost:8080");

        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.html().contains("&lt;script&gt;"));
        assertTrue(mail.text().contains("<script>alert(1)</script>"), "plain text is not HTML");
    }

    @Test
    void apostrophesSurviveMessageFormatting() {
        OutgoingMail mail = composer.compose(MailTemplate.PASSWORD_CHANGED, "a@example.org", Locale.FRENCH,
                "Bruno Petit", "bruno.petit", "22/11/2026 10:00", "http://localhost:8080");

        assertTrue(mail.text().contains("N’oubliez pas"));
        assertTrue(mail.text().contains("bruno.petit"));
    }
}
