package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forgotten login by personal address (seed 003, "Vous avez perdu votre identifiant ?") in the browser. */
@BrowserTest
class LoginByEmailIT {

    @Test
    void everyAccountWithTheAddressIsMailedItsLogin(Browser browser, Portal portal) {
        Person first = TestPeople.activatedStudent(portal.directory().server());
        Person second = TestPeople.newStudent(portal.directory().server());
        TestPeople.set(portal.directory().server(), second, "supannMailPerso", first.personalEmail());

        ask(browser, first.personalEmail());

        assertTrue(browser.text("#answer").startsWith("Si un ou plusieurs comptes ont cette adresse personnelle"),
                browser.text("#answer"));
        Inbox inbox = new Inbox(portal.mail(), first.personalEmail());
        inbox.awaitNewest();
        awaitMails(inbox, 2);
        List<String> texts = inbox.mails().stream().map(Inbox::text).toList();
        assertTrue(texts.stream().anyMatch(text -> text.contains("Identifiant de connexion : " + first.login())), texts.toString());
        assertTrue(texts.stream().anyMatch(text -> text.contains("Identifiant de connexion : " + second.login())), texts.toString());
        assertEquals("Votre identifiant de connexion", Inbox.subject(inbox.mails().get(0)));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswer(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        ask(browser, person.personalEmail());
        String known = browser.text("main");
        ask(browser, "personne.inconnue@perso.example.org");

        assertEquals(known, browser.text("main"));
    }

    @Test
    void somethingElseThanOneAddressIsPointedOut(Browser browser) {
        ask(browser, "camille@perso.example.org, autre@perso.example.org");

        assertTrue(browser.messages().contains("Cette adresse électronique n’est pas valide. Vérifiez-la, par exemple"
                + " prenom.nom@exemple.fr."), browser.messages().toString());
        assertEquals("Vous avez perdu votre identifiant ?", browser.heading());
    }

    private static void ask(Browser browser, String email) {
        browser.open("/recovery/login-by-email.xhtml").fill("Adresse électronique personnelle", email).click("Envoyer");
    }

    private static void awaitMails(Inbox inbox, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (inbox.mails().size() < count && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(count, inbox.mails().size());
    }
}
