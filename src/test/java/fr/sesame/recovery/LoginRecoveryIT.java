package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forgotten login by number and birth date, as a person does it in the browser. */
@BrowserTest
class LoginRecoveryIT {

    @Test
    void theLoginIsShownAndMailedToThePersonalAddress(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        browser.open("/recovery/login.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber())
                .fill("Date de naissance", person.typedBirthDate().replace('/', '.'))
                .click("Valider");

        assertEquals(person.login(), browser.text("#found-login"));
        assertTrue(browser.text(".summary").contains("t***" + person.login().charAt(person.login().length() - 1)
                + "@perso.example.org"), browser.text(".summary"));
        MimeMessage mail = new Inbox(portal.mail(), person.personalEmail()).awaitNewest();
        assertEquals("Votre identifiant de connexion", Inbox.subject(mail));
        assertTrue(Inbox.text(mail).contains(person.login()));
    }

    @Test
    void anUnknownNumberAndAWrongBirthDateGetTheSameAnswer(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        browser.open("/recovery/login.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber()).fill("Date de naissance", "01/02/1960")
                .click("Valider");
        List<String> wrongBirthDate = browser.messages();
        browser.open("/recovery/login.xhtml?by=student")
                .fill("Numéro étudiant", "99").fill("Date de naissance", person.typedBirthDate())
                .click("Valider");

        assertEquals(wrongBirthDate, browser.messages());
        assertEquals(List.of("Les informations saisies ne permettent pas de vous identifier. Vérifiez votre numéro"
                + " et votre date de naissance."), wrongBirthDate);
    }
}
