package fr.sesame.selfcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.audit.AuditRecord;
import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** "Gérer mon compte" as a signed-in person uses it in the browser: each section saved on its own. */
@BrowserTest
class ManageAccountIT {

    private static final String NEW_PASSWORD = "Nuage-Riviere-2026!";

    @Test
    void aSignedInPersonChangesTheirPassword(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);
        assertEquals("Gérer mon compte", browser.heading());

        browser.fill("Mot de passe actuel", TestPeople.PASSWORD)
                .fill("Nouveau mot de passe", NEW_PASSWORD)
                .fill("Confirmation du nouveau mot de passe", NEW_PASSWORD)
                .click("password:submit");

        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Votre mot de passe a été modifié.")),
                browser.messages().toString());
        assertTrue(browser.messages().contains("Un message de confirmation a été envoyé à votre adresse personnelle."),
                browser.messages().toString());
        assertTrue(portal.binds(person.dn(), NEW_PASSWORD));
        assertFalse(portal.binds(person.dn(), TestPeople.PASSWORD));
        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Votre mot de passe a été modifié", Inbox.subject(mail));
        assertFalse(Inbox.text(mail).contains(NEW_PASSWORD));
        assertTrue(browser.text("#summary").contains("Mot de passe modifié"), browser.text("#summary"));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedNextToItsFieldAndChangesNothing(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        browser.fill("Mot de passe actuel", "Pas-Le-Bon-2026!")
                .fill("Nouveau mot de passe", NEW_PASSWORD)
                .fill("Confirmation du nouveau mot de passe", NEW_PASSWORD)
                .click("password:submit");

        assertTrue(browser.text("#password").contains("Ce mot de passe actuel n’est pas le bon : rien n’a été modifié."),
                browser.text("#password"));
        assertEquals("true", browser.attribute("[id='password:current']", "aria-invalid"));
        assertTrue(portal.binds(person.dn(), TestPeople.PASSWORD));
        assertFalse(portal.binds(person.dn(), NEW_PASSWORD));
        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertFalse(entry.hasAttribute("sesamePasswordChangedAt"));
        assertTrue(entry.getAttributeValue("sesameFailure").startsWith("signin$"));
    }

    @Test
    void aSignedInPersonChoosesANewJokerQuestion(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);
        assertTrue(browser.text("#joker-section").contains(TestPeople.QUESTION));

        browser.select("Nouvelle question", "Dans quelle ville êtes-vous né(e) ?")
                .fill("Réponse à la nouvelle question", "Lille")
                .fill("Votre mot de passe actuel, pour confirmer", TestPeople.PASSWORD)
                .click("joker:submit");

        assertTrue(browser.messages().contains("Votre question joker et sa réponse ont été enregistrées."),
                browser.messages().toString());
        assertTrue(browser.text("#joker-section").contains("Dans quelle ville êtes-vous né(e) ?"));
        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertEquals("Dans quelle ville êtes-vous né(e) ?", entry.getAttributeValue("sesameJokerQuestion"));
        assertTrue(entry.getAttributeValue("sesameJokerAnswer").startsWith("$argon2id$"));
        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Votre compte a été modifié", Inbox.subject(mail));
        assertFalse(Inbox.text(mail).contains("Lille"));
    }

    @Test
    void aTrivialJokerAnswerIsRefusedNextToItsField(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        browser.select("Nouvelle question", "Dans quelle ville êtes-vous né(e) ?")
                .fill("Réponse à la nouvelle question", "azerty")
                .fill("Votre mot de passe actuel, pour confirmer", TestPeople.PASSWORD)
                .click("joker:submit");

        assertTrue(browser.text("#joker").contains("Cette réponse est trop facile à deviner"), browser.text("#joker"));
        assertEquals(TestPeople.QUESTION,
                portal.directory().server().getEntry(person.dn(), "*").getAttributeValue("sesameJokerQuestion"));
    }

    @Test
    void smsPhotoAndDirectoryChoicesAreSavedEachOnTheirOwn(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        browser.tick("Oui, je souhaite recevoir les alertes SMS").fill("Numéro de téléphone portable", "06 12 34 56 78")
                .click("sms:submit");

        assertTrue(browser.messages().contains("Vos choix pour les alertes SMS ont été enregistrés."),
                browser.messages().toString());
        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertEquals("+33612345678", entry.getAttributeValue("mobile"));
        assertTrue(entry.hasAttributeValue("supannConsentement", "{SESAME}SMS"));

        browser.tick("Oui, j’accepte l’usage de ma photo").tick("Non, je ne souhaite pas y apparaître (liste rouge)")
                .click("privacy:submit");

        assertTrue(browser.messages().contains("Vos choix pour l’usage de votre photo et l’annuaire ont été enregistrés."),
                browser.messages().toString());
        entry = portal.directory().server().getEntry(person.dn(), "*");
        assertEquals("TRUE", entry.getAttributeValue("supannListeRouge"));
        assertTrue(entry.hasAttributeValue("supannConsentement", "{SESAME}PHOTO"));
        assertTrue(entry.hasAttributeValue("supannConsentement", "{SESAME}SMS"), "the SMS choice stays");
        assertEquals("+33612345678", entry.getAttributeValue("mobile"));
    }

    @Test
    void aMobileNumberThatIsNotOneIsRefusedNextToItsField(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        browser.tick("Oui, je souhaite recevoir les alertes SMS").fill("Numéro de téléphone portable", "01 23 45 67 89")
                .click("sms:submit");

        assertTrue(browser.text("#sms").contains("Ce numéro de portable n’est pas valide"), browser.text("#sms"));
        assertFalse(portal.directory().server().getEntry(person.dn(), "*").hasAttribute("mobile"));
    }

    @Test
    void theSummaryShowsTheAccountAndWhatHappenedToItLately(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);
        browser.tick("Non, je refuse l’usage de ma photo").tick("Non, je ne souhaite pas y apparaître (liste rouge)")
                .click("privacy:submit");

        String summary = browser.text("#summary");

        assertTrue(summary.contains(person.login()), summary);
        assertTrue(summary.contains(person.uid()), summary);
        assertTrue(summary.contains("Étudiant(e), Membre"), summary);
        assertTrue(summary.contains("Compte créé le"), summary);
        assertTrue(summary.contains("Pas encore changé avec Sésame"), summary);
        assertTrue(summary.contains("Préférences photo et annuaire modifiées"), summary);
        String client = AuditRecord.fromJson(portal.directory().server().getEntry(person.dn(), "sesameSecurityEvent")
                .getAttributeValue("sesameSecurityEvent")).orElseThrow().clientAddress();
        assertFalse(client.isBlank());
        assertTrue(summary.contains(client), summary);
        assertTrue(browser.text().contains(person.personalEmail()));
    }

    @Test
    void theAccountPageSpeaksEnglishToo(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        browser.open("/account/index.xhtml?lang=en");

        assertEquals("Manage my account", browser.heading());
        assertEquals(List.of("My account", "Change my password", "Joker question", "SMS alerts", "Photo and directory",
                "Personal email address"), browser.texts("h2"));
        assertTrue(browser.text("#summary").contains("Student, Member"), browser.text("#summary"));
    }

    @Test
    void theAccountPageIsOnlyForSignedInPeople(Browser browser) {
        browser.open("/account/index.xhtml");

        assertEquals("Se connecter", browser.heading());
    }

    @Test
    void aRefusedChangeSaysWhyInItsOwnFormAndTakesTheKeyboardThere(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        // The joker's form, below the password's, sent with a wrong current password.
        browser.select("Nouvelle question", "Dans quelle ville êtes-vous né(e) ?")
                .fill("Réponse à la nouvelle question", "Lille")
                .fill("Votre mot de passe actuel, pour confirmer", "Pas-Le-Bon-2026!")
                .click("joker:submit");

        List<String> inJoker = browser.messagesIn("joker");
        assertEquals(1, inJoker.size(), inJoker.toString());
        assertTrue(inJoker.get(0).startsWith("Ce mot de passe actuel n’est pas le bon : rien n’a été modifié."),
                "the message is in the form that was sent: " + inJoker);
        assertTrue(browser.messagesIn("password").isEmpty(), "and in no other form");
        WebElement focused = browser.focusMovesTo("joker:current");
        assertEquals("joker", Browser.formOf(focused),
                "the focus is in the refused form, not at the top of the page: " + focused.getDomAttribute("id"));
        assertEquals("joker:current", focused.getDomAttribute("id"), "on the field at fault");
        assertEquals("true", focused.getDomAttribute("aria-invalid"));
        String description = browser.description(focused);
        assertEquals(inJoker.get(0), description);
        assertEquals("false", browser.attribute("[id='password:current']", "aria-invalid"));

        // An answer about the form rather than a field (nothing to change): in that form too, the focus there.
        browser.tick("Non, je refuse l’usage de ma photo").tick("Non, je ne souhaite pas y apparaître (liste rouge)")
                .click("privacy:submit");
        assertTrue(browser.messagesIn("privacy").isEmpty(), browser.messagesIn("privacy").toString());
        browser.click("privacy:submit");
        assertEquals(List.of("Rien n’a changé : ces choix étaient déjà enregistrés."), browser.messagesIn("privacy"));
        // The form's first group: on its ticked radio button, as the arrow keys would leave it.
        focused = browser.focusMovesTo("privacy:photo:1");
        assertEquals("privacy", Browser.formOf(focused),
                "the focus is in the form: " + focused.getDomAttribute("id"));
        assertEquals("privacy:photo:1", focused.getDomAttribute("id"));
    }




    private static void signIn(Browser browser, Person person) {
        browser.open("/signin/index.xhtml")
                .fill("Identifiant", person.login())
                .fill("Mot de passe", TestPeople.PASSWORD)
                .click("signin:submit");
    }
}
