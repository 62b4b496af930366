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
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Forgotten password by a mailed link (seeds 003, 004), as a person does it in the browser with their mailbox. */
@BrowserTest
class ResetByLinkIT {

    private static final String NEW_PASSWORD = "Nuage-Riviere-2026!";
    private static final String INVALID = "Ce lien n’est plus valable : il a expiré, a déjà servi ou est incomplet.";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/recovery/reset\\.xhtml\\?u=[^&\\s]+&t=[A-Za-z0-9_-]+)");

    @Test
    void aPersonGetsALinkByMailAndChoosesANewPassword(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        request(browser, person.login());
        assertTrue(browser.text("#answer").startsWith("Si un compte correspond à ce que vous avez saisi"), browser.text("#answer"));
        assertTrue(browser.text("#answer").contains("valable 12 heures et une seule fois"), browser.text("#answer"));
        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Choisir un nouveau mot de passe", Inbox.subject(mail));
        String text = Inbox.text(mail);
        assertTrue(text.contains("Si vous n’êtes pas à l’origine de cette demande, ignorez ce message"), text);
        assertTrue(text.contains("Il est valable jusqu’au "), text);
        String link = link(text);
        assertTrue(link.startsWith(portal.baseUrl() + "/recovery/reset.xhtml?u=" + person.uid() + "&t="), link);

        // A mail scanner opens the link first: that must not use it up.
        openLink(browser, portal, link);
        openLink(browser, portal, link);
        assertEquals(person.login(), browser.text("#reset-login"));
        setPassword(browser, NEW_PASSWORD);

        assertEquals("Votre mot de passe a bien été modifié", browser.text("h2"));
        assertTrue(portal.binds(person.dn(), NEW_PASSWORD));
        assertFalse(portal.binds(person.dn(), TestPeople.PASSWORD));
        MimeMessage confirmation = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Votre mot de passe a été modifié", Inbox.subject(confirmation));
        assertFalse(Inbox.text(confirmation).contains(NEW_PASSWORD));
    }

    @Test
    void aUsedLinkSaysSoAndOffersAnother(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String link = requestLink(browser, portal, person);
        openLink(browser, portal, link);
        setPassword(browser, NEW_PASSWORD);

        openLink(browser, portal, link);

        assertEquals(INVALID, browser.text("#link-invalid"));
        assertFalse(browser.text().contains("Nouveau mot de passe du compte"));
        browser.click("Recevoir un nouveau lien");
        assertEquals("Vous avez perdu votre mot de passe ?", browser.heading());
    }

    @Test
    void anExpiredLinkSaysSo(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String link = requestLink(browser, portal, person);
        String stored = portal.directory().server().getEntry(person.dn(), "sesameToken").getAttributeValue("sesameToken");
        String expired = stored.replaceFirst("^reset\\$[0-9.]+Z\\$", "reset\\$20200101000000.000Z\\$");
        TestPeople.set(portal.directory().server(), person, "sesameToken", expired);

        openLink(browser, portal, link);

        assertEquals(INVALID, browser.text("#link-invalid"));
        assertTrue(portal.binds(person.dn(), TestPeople.PASSWORD));
    }

    @Test
    void aTamperedOrIncompleteLinkSaysSo(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        Person other = TestPeople.activatedStudent(portal.directory().server());
        String link = requestLink(browser, portal, person);
        char last = link.charAt(link.length() - 1);

        for (String tampered : new String[] {
                link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A'),
                link.replace("u=" + person.uid(), "u=" + other.uid()),
                link.substring(0, link.indexOf("&t=")),
                link.substring(0, link.length() - 5)}) {
            openLink(browser, portal, tampered);
            assertEquals(INVALID, browser.text("#link-invalid"), tampered);
        }
        openLink(browser, portal, link);
        assertEquals(person.login(), browser.text("#reset-login"), "the real link still works");
    }

    @Test
    void anUnknownLoginGetsTheSamePageAsAKnownOne(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        request(browser, person.login());
        String known = browser.text("main");
        request(browser, "personne.inconnue");
        String unknown = browser.text("main");

        assertEquals(known, unknown);
        new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals(1, new Inbox(portal.mail(), person.personalEmail()).mails().size());
    }

    @Test
    void theLinkIsOnThePublicAddressWhicheverHostTheBrowserAsked(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        URI base = URI.create(portal.baseUrl());
        String otherHost = "http://127.0.0.1:" + base.getPort();

        browser.driver().get(otherHost + "/recovery/reset-request.xhtml?lang=en");
        browser.checkAccessibility()
                .fill("Login or personal email address", person.personalEmail())
                .click("Send");

        assertTrue(browser.currentUrl().startsWith(otherHost), browser.currentUrl());
        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Choose a new password", Inbox.subject(mail));
        assertTrue(link(Inbox.text(mail)).startsWith(portal.baseUrl() + "/recovery/reset.xhtml?"), Inbox.text(mail));
    }

    @Test
    void aMalformedAddressIsPointedOut(Browser browser) {
        browser.open("/recovery/reset-request.xhtml")
                .fill("Identifiant ou adresse électronique personnelle", "camille@")
                .click("Envoyer");

        assertTrue(browser.messages().contains("Cette adresse électronique n’est pas valide. Vérifiez-la, par exemple"
                + " prenom.nom@exemple.fr."), browser.messages().toString());
        assertEquals("true", browser.attribute("[id='request:identifier']", "aria-invalid"));
    }

    @Test
    void theSignInPageLeadsToBothRequests(Browser browser) {
        browser.open("/signin/index.xhtml").click("Vous avez perdu votre mot de passe ?");
        assertEquals("Vous avez perdu votre mot de passe ?", browser.heading());

        browser.open("/signin/index.xhtml").click("Vous avez perdu votre identifiant ?");
        assertEquals("Vous avez perdu votre identifiant ?", browser.heading());

        browser.open("/recovery/index.xhtml").click("Recevoir un lien pour changer mon mot de passe");
        assertEquals("Vous avez perdu votre mot de passe ?", browser.heading());
    }

    private static void request(Browser browser, String typed) {
        browser.open("/recovery/reset-request.xhtml")
                .fill("Identifiant ou adresse électronique personnelle", typed)
                .click("Envoyer");
    }

    private static String requestLink(Browser browser, Portal portal, Person person) {
        request(browser, person.login());
        return link(Inbox.text(new Inbox(portal.mail(), person.personalEmail()).awaitNewest()));
    }

    private static String link(String mailText) {
        Matcher m = LINK.matcher(mailText);
        assertTrue(m.find(), "no link in:\n" + mailText);
        return m.group(1);
    }

    private static void openLink(Browser browser, Portal portal, String link) {
        assertTrue(link.startsWith(portal.baseUrl()), link);
        browser.open(link.substring(portal.baseUrl().length()));
    }

    private static void setPassword(Browser browser, String password) {
        browser.fill("Nouveau mot de passe", password).fill("Confirmation du nouveau mot de passe", password)
                .tick("Je reconnais avoir pris connaissance du règlement intérieur.")
                .click("password:submit");
    }
}
