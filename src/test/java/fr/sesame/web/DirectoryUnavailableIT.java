package fr.sesame.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import org.junit.jupiter.api.Test;

/** When the directory cannot be reached, a person reads what happened, never a stack trace, and can come back. */
@BrowserTest
class DirectoryUnavailableIT {

    @Test
    void aPersonIsToldTheDirectoryIsUnavailableAndTheFlowWorksAgainOnceItIsBack(Browser browser, Portal portal)
            throws Exception {
        Person person = TestPeople.newStudent(portal.directory().server());
        browser.open("/activation/wizard.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber())
                .fill("Date de naissance", person.typedBirthDate());

        portal.directory().server().shutDown(true);
        try {
            browser.click("Valider");

            assertEquals("Annuaire momentanément indisponible", browser.heading());
            assertTrue(browser.text().contains("Rien n’a été modifié sur votre compte."));
            assertFalse(browser.text().contains("Exception"));
        } finally {
            portal.directory().server().startListening();
        }

        browser.open("/activation/wizard.xhtml?by=student")
                .fill("Numéro étudiant", person.studentNumber())
                .fill("Date de naissance", person.typedBirthDate())
                .click("Valider");
        assertEquals("Question joker", browser.text("h2"));
    }
}
