package fr.sesame.selfcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A person changes their personal email from "Gérer mon compte": it takes the link mailed to the new address. */
@BrowserTest
class PersonalEmailChangeIT {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/account/confirm-email\\.xhtml\\?\\S+");

    @Test
    void theNewAddressIsConfirmedByTheLinkMailedToIt(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String newAddress = person.login() + "@nouveau.example.org";
        browser.open("/signin/index.xhtml").fill("Identifiant", person.login()).fill("Mot de passe", TestPeople.PASSWORD)
                .click("signin:submit");

        browser.open("/account/index.xhtml").fill("Nouvelle adresse de messagerie personnelle", newAddress)
                .click("email:submit");

        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Un lien de confirmation a été envoyé à " + newAddress)),
                browser.messages().toString());
        assertEquals(person.personalEmail(),
                portal.directory().server().getEntry(person.dn()).getAttributeValue("supannMailPerso"), "not before the link");
        Matcher link = LINK.matcher(Inbox.text(new Inbox(portal.mail(), newAddress).awaitNewest()));
        assertTrue(link.find());

        browser.driver().get(link.group());
        browser.checkAccessibility();
        assertEquals("Confirmer votre nouvelle adresse", browser.heading());
        browser.click("confirm:submit");

        assertTrue(browser.text().contains(newAddress + " est désormais votre adresse de messagerie personnelle"), browser.text());
        assertEquals(newAddress, portal.directory().server().getEntry(person.dn()).getAttributeValue("supannMailPerso"));
        assertTrue(new Inbox(portal.mail(), person.personalEmail()).mails().size() >= 1, "the former address is told");
    }

    @Test
    void aLinkOpenedWithoutBeingSignedInLeadsThroughSigninAndBack(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String newAddress = person.login() + "@autre.example.org";
        browser.open("/signin/index.xhtml").fill("Identifiant", person.login()).fill("Mot de passe", TestPeople.PASSWORD)
                .click("signin:submit");
        browser.open("/account/index.xhtml").fill("Nouvelle adresse de messagerie personnelle", newAddress)
                .click("email:submit");
        Matcher link = LINK.matcher(Inbox.text(new Inbox(portal.mail(), newAddress).awaitNewest()));
        assertTrue(link.find());
        browser.forgetSession();

        browser.driver().get(link.group());
        browser.checkAccessibility();
        assertEquals("Se connecter", browser.heading());
        browser.fill("Identifiant", person.login()).fill("Mot de passe", TestPeople.PASSWORD).click("signin:submit");

        assertEquals("Confirmer votre nouvelle adresse", browser.heading());
        browser.click("confirm:submit");
        assertEquals(newAddress, portal.directory().server().getEntry(person.dn()).getAttributeValue("supannMailPerso"));
    }
}
