package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailTemplate;
import fr.sesame.mail.OutgoingMail;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The reset link's mail, in both languages: the link, until when it works, and what to do if one did not ask. */
class ResetLinkMailTest {

    private static final String LINK = "https://sesame.univ.fr/recovery/reset.xhtml?u=10000002&t=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    private final MailComposer composer = new MailComposer("assistance@univ.fr");

    @Test
    void theFrenchMailGivesTheLinkItsEndAndWhatToDoIfOneDidNotAsk() {
        OutgoingMail mail = composer.compose(MailTemplate.RESET_LINK, "bruno.petit@perso.example.org", Locale.FRENCH,
                "Bruno Petit", "bruno.petit", LINK, "1 septembre 2026 à 20:00");

        assertEquals("Choisir un nouveau mot de passe", mail.subject());
        assertTrue(mail.text().contains("\n" + LINK + "\n"), mail.text());
        assertTrue(mail.text().contains("Il est valable jusqu’au 1 septembre 2026 à 20:00 et ne sert qu’une fois."));
        assertTrue(mail.text().contains("Si vous n’êtes pas à l’origine de cette demande, ignorez ce message"));
        assertTrue(mail.text().contains("assistance@univ.fr"), "who to contact");
        assertTrue(mail.html().contains("href=\"" + LINK.replace("&", "&amp;") + "\""), mail.html());
        assertFalse(mail.html().contains(LINK), "the HTML escapes the & of the link");
    }

    @Test
    void theEnglishMailSaysTheSame() {
        OutgoingMail mail = composer.compose(MailTemplate.RESET_LINK, "bruno.petit@perso.example.org", Locale.ENGLISH,
                "Bruno Petit", "bruno.petit", LINK, "September 1, 2026 at 8:00 PM");

        assertEquals("Choose a new password", mail.subject());
        assertTrue(mail.text().contains(LINK));
        assertTrue(mail.text().contains("It works until September 1, 2026 at 8:00 PM, and only once."));
        assertTrue(mail.text().contains("If you did not ask for this, ignore this message"));
    }
}
