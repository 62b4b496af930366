package fr.sesame.helprequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;

/** "Problème de connexion ?": a visitor leaves a help request, an agent closes it from the queue. */
@BrowserTest
class HelpRequestIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ANSWERED = "Merci. Votre demande a été transmise à l’assistance";
    /** The portal's default minimum fill time (sesame.help-request.min-fill-time), and a margin. */
    private static final long FILL_TIME_MILLIS = 3_300;

    @Test
    void aVisitorsRequestIsAcknowledgedQueuedAndClosedWithANoteMailedToThem(Browser browser, Portal portal)
            throws Exception {
        String name = "Dominique Demande" + RANDOM.nextInt(1_000_000);
        String contact = "demande." + RANDOM.nextInt(1_000_000) + "@perso.example.org";
        Inbox inbox = new Inbox(portal.mail(), contact);

        submit(browser, name, contact, "Mot de passe refusé <script>document.title='pwned'</script>");

        assertTrue(browser.text("#answer").startsWith(ANSWERED), browser.text("#answer"));
        assertEquals("Votre demande d’assistance a bien été reçue", Inbox.subject(inbox.awaitNewest()));

        signInAsAgent(browser, portal);
        browser.open("/helpdesk/requests.xhtml");
        assertEquals("Demandes d’assistance", browser.heading());
        WebElement request = request(browser, name);
        assertTrue(request.getText().contains(contact), request.getText());
        assertTrue(request.getText().contains("Mot de passe refusé <script>document.title='pwned'</script>"),
                "the typed text shows as text: " + request.getText());
        assertTrue(!browser.title().contains("pwned"), browser.title());
        String search = request.findElement(By.partialLinkText("dans la console")).getDomAttribute("href");
        assertTrue(search.contains("/helpdesk/index.xhtml?q=Dominique+Demande"), search);

        request.findElement(By.tagName("textarea")).sendKeys("Compte débloqué, nouveau lien envoyé.");
        browser.click(By.xpath(xpathOf(name) + "//button"));

        assertTrue(browser.messages().stream().anyMatch(message -> message.contains("est close")), browser.messages().toString());
        assertTrue(browser.driver().findElements(By.xpath(xpathOf(name))).isEmpty(), "no longer in the queue");
        MimeMessage closing = awaitMails(inbox, 2);
        assertEquals("Votre demande d’assistance est traitée", Inbox.subject(closing));
        assertTrue(Inbox.text(closing).contains("Compte débloqué, nouveau lien envoyé."), Inbox.text(closing));
    }

    @Test
    void aClosingNoteIsRequired(Browser browser, Portal portal) throws Exception {
        String name = "Sacha Sansnote" + RANDOM.nextInt(1_000_000);
        submit(browser, name, "sansnote." + RANDOM.nextInt(1_000_000) + "@perso.example.org", "Bloqué");
        signInAsAgent(browser, portal);
        browser.open("/helpdesk/requests.xhtml");

        browser.click(By.xpath(xpathOf(name) + "//button"));

        assertTrue(browser.messages().contains("Indiquez ce qui a été fait avant de clore la demande."), browser.messages().toString());
        request(browser, name);
    }

    @Test
    void aFormWithItsTrapFilledGetsTheSameAnswerButNothingIsStoredNorMailed(Browser browser, Portal portal) throws Exception {
        String contact = "robot." + RANDOM.nextInt(1_000_000) + "@perso.example.org";
        browser.open("/help/request.xhtml")
                .fill("Vos nom et prénom", "Robot Remplisseur")
                .fill("Adresse de messagerie où vous répondre", contact)
                .fill("Votre problème", "Achetez");
        browser.driver().executeScript("document.getElementById('request:website').value = 'http://spam.example';");
        Thread.sleep(FILL_TIME_MILLIS);
        browser.click("request:submit");

        assertTrue(browser.text("#answer").startsWith(ANSWERED), browser.text("#answer"));
        Thread.sleep(1_000);
        assertTrue(new Inbox(portal.mail(), contact).mails().isEmpty());
        assertEquals(0, portal.directory().server().search("ou=help-requests,dc=univ-demo,dc=fr", SearchScope.ONE,
                "(mail=" + contact + ")").getEntryCount());
    }

    @Test
    void aContactThatIsNotAnAddressIsShownNextToItsField(Browser browser) throws Exception {
        submit(browser, "Camille Erreur", "pas-une-adresse", "Bloqué");

        assertTrue(browser.messages().contains(
                "Cette adresse n’est pas valide : saisissez une seule adresse, par exemple prenom.nom@exemple.fr."),
                browser.messages().toString());
        assertEquals("true", browser.attribute("[id='request:contact']", "aria-invalid"));
    }

    @Test
    void aPersonWithoutTheHelpdeskRoleIsRefusedTheQueue(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person.login());

        browser.open("/helpdesk/requests.xhtml");

        assertEquals("Accès refusé", browser.heading());
    }

    private static void submit(Browser browser, String name, String contact, String description)
            throws InterruptedException {
        browser.open("/help/request.xhtml")
                .fill("Vos nom et prénom", name)
                .fill("Adresse de messagerie où vous répondre", contact)
                .fill("Votre problème", description);
        Thread.sleep(FILL_TIME_MILLIS);
        browser.click("request:submit");
    }

    private static void signInAsAgent(Browser browser, Portal portal) throws Exception {
        Person agent = TestPeople.activatedStudent(portal.directory().server());
        portal.directory().server().modify("cn=helpdesk,ou=groups,dc=univ-demo,dc=fr",
                new Modification(ModificationType.ADD, "member", agent.dn()));
        signIn(browser, agent.login());
    }

    private static void signIn(Browser browser, String login) {
        browser.open("/signin/index.xhtml")
                .fill("Identifiant", login)
                .fill("Mot de passe", TestPeople.PASSWORD)
                .click("signin:submit");
    }

    private static String xpathOf(String name) {
        return "//article[.//h2[normalize-space(.)='" + name + "']]";
    }

    private static WebElement request(Browser browser, String name) {
        return browser.driver().findElement(By.xpath(xpathOf(name)));
    }

    private static MimeMessage awaitMails(Inbox inbox, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (inbox.mails().size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(count, inbox.mails().size());
        return inbox.mails().get(count - 1);
    }
}
