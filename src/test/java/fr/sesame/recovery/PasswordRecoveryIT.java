package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** Forgotten password by joker question (seeds 000, 001) as a person does it in the browser. */
@BrowserTest
class PasswordRecoveryIT {

    private static final String NEW_PASSWORD = "Nuage-Riviere-2026!";

    @Test
    void aPersonResetsTheirPasswordWithTheirJokerAnswer(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        identify(browser, person);
        assertEquals(TestPeople.QUESTION, browser.text(".question"));
        browser.fill("Votre réponse", "  MEDOR ").click("Valider");
        assertEquals("Nouveau mot de passe", browser.text("h2"));
        setPassword(browser, NEW_PASSWORD);

        assertEquals("Votre mot de passe a bien été modifié", browser.text("h2"));
        assertTrue(browser.text().contains("eduroam"));
        assertTrue(portal.binds(person.dn(), NEW_PASSWORD));
        assertFalse(portal.binds(person.dn(), TestPeople.PASSWORD));
        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Votre mot de passe a été modifié", Inbox.subject(mail));
        assertTrue(Inbox.text(mail).contains("Si vous n’êtes pas à l’origine de ce changement"));
        assertFalse(Inbox.text(mail).contains(NEW_PASSWORD));
    }

    @Test
    void reloadingAsksTheSameQuestion(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        identify(browser, person);

        browser.open("/recovery/password.xhtml");

        assertEquals(TestPeople.QUESTION, browser.text(".question"));
    }

    @Test
    void threeWrongAnswersSuspendTheSelfService(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        identify(browser, person);

        browser.fill("Votre réponse", "Rex").click("Valider");
        assertTrue(browser.messages().stream().anyMatch(m -> m.contains("Il vous reste 2 essai(s)")), browser.messages().toString());
        browser.fill("Votre réponse", "Rintintin").click("Valider");
        browser.fill("Votre réponse", "Milou").click("Valider");

        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Par sécurité, après plusieurs mauvaises réponses")),
                browser.messages().toString());
        assertTrue(portal.directory().server().getEntry(person.dn()).hasAttribute("sesameLockedUntil"));
        identify(browser, person);
        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Par sécurité, votre compte est temporairement bloqué")),
                browser.messages().toString());
        assertTrue(portal.binds(person.dn(), TestPeople.PASSWORD), "the password itself is untouched");
    }

    @Test
    void anAccountNeverActivatedIsSentToActivation(Browser browser, Portal portal) {
        Person person = TestPeople.newStudent(portal.directory().server());

        identify(browser, person);

        assertTrue(browser.text(".notice-box").contains("Votre compte n’a jamais été activé"));
        browser.click("Activer mon compte");
        assertEquals("Activer mon compte", browser.heading());
    }

    @Test
    void theRecoveryPageOffersTheFourWaysToIdentify(Browser browser) {
        browser.open("/recovery/index.xhtml").click("Récupérer mon mot de passe");

        assertEquals("Récupérer mon mot de passe", browser.heading());
        browser.click("Numéro personnel");
        assertTrue(browser.text().contains("Numéro personnel"));
        assertEquals("Identification", browser.text("h2"));
    }

    private static void identify(Browser browser, Person person) {
        browser.open("/recovery/password.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber())
                .fill("Date de naissance", person.typedBirthDate())
                .click("Valider");
    }

    private static void setPassword(Browser browser, String password) {
        browser.fill("Nouveau mot de passe", password).fill("Confirmation du nouveau mot de passe", password)
                .tick("Je reconnais avoir pris connaissance du règlement intérieur.")
                .click("password:submit");
    }
}
