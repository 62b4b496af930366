package fr.sesame.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/** Account activation (seed 002) as a person does it in the browser, in French. */
@BrowserTest
class ActivationIT {

    private static final String NEW_PASSWORD = "Velo-Soleil-2026!";

    @Test
    void aStudentActivatesTheirAccountAndEverythingIsWrittenAtOnce(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.newStudent(portal.directory().server());

        identify(browser, person);
        assertEquals("Question joker", browser.text("h2"));
        chooseJoker(browser);
        assertEquals("Alertes SMS", browser.text("h2"));
        browser.tick("Oui, j’accepte").fill("Numéro de téléphone portable (si vous acceptez)", "06 12 34 56 78")
                .click("Valider");
        assertEquals("Photo et annuaire", browser.text("h2"));
        browser.tick("Non, je refuse").tick("Oui, je souhaite y apparaître").click("Valider");
        assertEquals("Mot de passe", browser.text("h2"));
        setPassword(browser, NEW_PASSWORD);

        assertEquals("Votre compte est maintenant activé", browser.text("h2"));
        String summary = browser.text(".summary");
        assertTrue(summary.contains(person.login()), summary);
        assertTrue(summary.contains(person.uid()), summary);
        assertTrue(summary.contains("Correctement enregistré"), summary);
        assertTrue(summary.contains(person.personalEmail()), summary);
        assertTrue(summary.contains("Un message de confirmation vous a été envoyé."), summary);

        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Votre compte est activé", Inbox.subject(mail));
        assertTrue(Inbox.text(mail).contains(person.login()));
        assertFalse(Inbox.text(mail).contains(NEW_PASSWORD), "no secret in a mail");

        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertTrue(entry.getAttributeValue("userPassword").startsWith("{CRYPT}$6$"));
        assertEquals("+33612345678", entry.getAttributeValue("mobile"));
        assertEquals("Quel est le nom de votre premier animal de compagnie ?", entry.getAttributeValue("sesameJokerQuestion"));
        assertTrue(entry.getAttributeValue("sesameJokerAnswer").startsWith("$argon2id$"));
        assertFalse(entry.getAttributeValue("sesameJokerAnswer").toLowerCase().contains("medor"));
        assertTrue(entry.hasAttributeValue("supannConsentement", "{SESAME}SMS"));
        assertFalse(entry.hasAttributeValue("supannConsentement", "{SESAME}PHOTO"));
        assertEquals("FALSE", entry.getAttributeValue("supannListeRouge"));
        assertTrue(entry.hasAttribute("sesameActivatedAt"));
        assertTrue(entry.hasAttribute("sesameCharterAcceptedAt"));
        assertEquals(1, entry.getAttribute("sesamePasswordHistory").size());
        assertEquals(1, entry.getAttribute("sesameSecurityEvent").size());
        assertTrue(portal.binds(person.dn(), NEW_PASSWORD));
    }

    @Test
    void theSessionGetsANewIdOnceThePersonIsIdentified(Browser browser, Portal portal) {
        Person person = TestPeople.newStudent(portal.directory().server());
        browser.open("/activation/wizard.xhtml?by=student");
        String before = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

        identify(browser, person);

        assertEquals("Question joker", browser.text("h2"));
        assertNotEquals(before, browser.driver().manage().getCookieNamed("JSESSIONID").getValue());
    }

    @Test
    void abandoningTheWizardHalfWayWritesNothing(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.newStudent(portal.directory().server());
        SearchResultEntry before = portal.directory().server().getEntry(person.dn(), "*", "+");

        identify(browser, person);
        chooseJoker(browser);
        browser.tick("Oui, j’accepte").fill("Numéro de téléphone portable (si vous acceptez)", "0612345678")
                .click("Valider");
        browser.followMenu("Accueil");

        SearchResultEntry after = portal.directory().server().getEntry(person.dn(), "*", "+");
        assertEquals(before.getAttributeValue("modifyTimestamp"), after.getAttributeValue("modifyTimestamp"));
        assertNull(after.getAttributeValue("sesameJokerQuestion"));
        assertNull(after.getAttributeValue("mobile"));
    }

    @Test
    void aDoubleClickOnTheLastStepActivatesOnceAndMailsOnce(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.newStudent(portal.directory().server());
        identify(browser, person);
        chooseJoker(browser);
        browser.tick("Non, je refuse").click("Valider");
        browser.tick("Oui, j’accepte").tick("Non, je ne souhaite pas y apparaître (liste rouge)").click("Valider");
        browser.fill("Nouveau mot de passe", NEW_PASSWORD).fill("Confirmation du nouveau mot de passe", NEW_PASSWORD)
                .tick("Je reconnais avoir pris connaissance du règlement intérieur.");
        // Without the page's own guard, as an old browser or a fast double tap would send it.
        browser.driver().executeScript("document.getElementById('password:submit').removeAttribute('onclick');");

        new Actions(browser.driver()).doubleClick(browser.driver().findElement(By.id("password:submit"))).perform();
        browser.open("/activation/wizard.xhtml");

        assertEquals("Votre compte est maintenant activé", browser.text("h2"));
        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertEquals(1, entry.getAttribute("sesamePasswordHistory").size());
        assertEquals("TRUE", entry.getAttributeValue("supannListeRouge"));
        Thread.sleep(500);
        assertEquals(1, new Inbox(portal.mail(), person.personalEmail()).mails().size());
    }

    @Test
    void anAlreadyActivatedAccountIsSentToTheForgottenPasswordFlow(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        identify(browser, person);

        assertTrue(browser.messages().contains(
                "Votre compte est déjà activé. Si vous avez oublié votre mot de passe, utilisez « Identifiants oubliés »."),
                browser.messages().toString());
        assertEquals("Identification", browser.text("h2"));
    }

    @Test
    void anAccountClosedInTheDirectoryIsRefused(Browser browser, Portal portal) {
        Person person = TestPeople.newStudent(portal.directory().server());
        TestPeople.set(portal.directory().server(), person, "supannRessourceEtat", "{COMPTE}I:SupannInactif");

        identify(browser, person);

        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Ce compte ne peut pas être activé")),
                browser.messages().toString());
    }

    @Test
    void aWrongBirthDateAndAnUnknownNumberGetTheSameAnswer(Browser browser, Portal portal) {
        Person person = TestPeople.newStudent(portal.directory().server());

        browser.open("/activation/wizard.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber()).fill("Date de naissance", "01/01/1970")
                .click("Valider");
        List<String> wrongBirthDate = browser.messages();
        browser.open("/activation/wizard.xhtml?by=student")
                .fill("Numéro étudiant", "12345").fill("Date de naissance", person.typedBirthDate())
                .click("Valider");
        List<String> unknownNumber = browser.messages();

        assertEquals(List.of("Les informations saisies ne permettent pas de vous identifier. Vérifiez votre numéro"
                + " et votre date de naissance."), wrongBirthDate);
        assertEquals(wrongBirthDate, unknownNumber);
    }

    @Test
    void malformedInputIsExplainedBeforeAnyAttempt(Browser browser) {
        browser.open("/activation/wizard.xhtml?by=ine")
                .fill("Numéro INE", "12345").fill("Date de naissance", "31/02/2004")
                .click("Valider");

        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Ce numéro INE n’est pas valide")),
                browser.messages().toString());
    }

    @Test
    void fiveWrongBirthDatesLockTheAccountEvenForTheRightOne(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.newStudent(portal.directory().server());
        for (int attempt = 0; attempt < 5; attempt++) {
            browser.open("/activation/wizard.xhtml?by=student")
                    .fill("Numéro étudiant", person.studentNumber()).fill("Date de naissance", "0" + (attempt + 1) + "/01/1970")
                    .click("Valider");
        }

        identify(browser, person);

        assertTrue(browser.messages().stream().anyMatch(m -> m.startsWith("Par sécurité, votre compte est temporairement bloqué")),
                browser.messages().toString());
        assertTrue(portal.directory().server().getEntry(person.dn()).hasAttribute("sesameLockedUntil"));
    }

    @Test
    void eachBrokenPasswordRuleIsShownAndNothingIsWritten(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.newStudent(portal.directory().server());
        identify(browser, person);
        chooseJoker(browser);
        browser.tick("Non, je refuse").click("Valider");
        browser.tick("Oui, j’accepte").tick("Oui, je souhaite y apparaître").click("Valider");

        setPassword(browser, "court");

        List<String> messages = browser.messages();
        assertTrue(messages.stream().anyMatch(m -> m.contains("12")), messages.toString());
        assertTrue(messages.size() >= 3, messages.toString());
        assertEquals("Mot de passe", browser.text("h2"));
        assertNull(portal.directory().server().getEntry(person.dn()).getAttributeValue("sesameActivatedAt"));

        setPassword(browser, "Mot de passe 2026!");
        assertTrue(browser.messages().stream().anyMatch(m -> m.toLowerCase().contains("espace")), browser.messages().toString());
        setPassword(browser, person.login().toUpperCase() + "-Aa1!");
        assertTrue(browser.messages().stream().anyMatch(m -> m.toLowerCase().contains("identifiant")), browser.messages().toString());
        assertNull(portal.directory().server().getEntry(person.dn()).getAttributeValue("userPassword"));
    }

    @Test
    void theWizardSpeaksEnglishToo(Browser browser, Portal portal) {
        Person person = TestPeople.newStudent(portal.directory().server());

        browser.open("/activation/wizard.xhtml?by=student&lang=en")
                .fill("Student number", person.studentNumber()).fill("Date of birth", "01/01/1971")
                .click("Submit");

        assertEquals(List.of("The details you entered do not identify you. Check your number and your date of birth."),
                browser.messages());
    }

    private static void identify(Browser browser, Person person) {
        browser.open("/activation/wizard.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber())
                .fill("Date de naissance", person.typedBirthDate())
                .click("Valider");
    }

    private static void chooseJoker(Browser browser) {
        browser.select("Votre question", "Quel est le nom de votre premier animal de compagnie ?")
                .fill("Votre réponse", "Médor")
                .click("Valider");
    }

    private static void setPassword(Browser browser, String password) {
        browser.fill("Nouveau mot de passe", password).fill("Confirmation du nouveau mot de passe", password);
        if (!browser.driver().findElement(By.id("password:charter")).isSelected()) {
            browser.tick("Je reconnais avoir pris connaissance du règlement intérieur.");
        }
        browser.click("password:submit");
    }
}
