package fr.sesame.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.UserPasswordHasher;
import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing in and out of Sésame, and what a signed-in person may open. */
@BrowserTest
class SigninIT {

    private static final String REFUSED = "Identifiant ou mot de passe incorrect.";

    @Test
    void aPersonSignsInWithTheirDirectoryPasswordAndOutAgain(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        browser.open("/signin/index.xhtml");
        String before = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

        signIn(browser, person.login(), TestPeople.PASSWORD);
        browser.open("/");

        assertNotEquals(before, browser.driver().manage().getCookieNamed("JSESSIONID").getValue());
        assertTrue(browser.texts("nav.main-menu a").contains("Gérer mon compte"), browser.texts("nav.main-menu a").toString());
        browser.click("Se déconnecter");
        assertTrue(browser.texts("nav.main-menu a").contains("Se connecter"));
        browser.open("/account/index.xhtml");
        assertEquals("Se connecter", browser.heading());
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameAnswer(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        signIn(browser, person.login(), "Pas-le-bon-2026!");
        List<String> wrongPassword = browser.messages();
        signIn(browser, "personne.inconnue", TestPeople.PASSWORD);

        assertEquals(List.of(REFUSED), wrongPassword);
        assertEquals(wrongPassword, browser.messages());
    }

    @Test
    void aProtectedPageLeadsToSigninAndBackAfterIt(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        browser.open("/account/index.xhtml");
        assertEquals("Se connecter", browser.heading());
        assertTrue(browser.currentUrl().contains("next=%2Faccount%2Findex.xhtml"), browser.currentUrl());
        browser.fill("Identifiant", person.login()).fill("Mot de passe", TestPeople.PASSWORD).click("signin:submit");

        assertTrue(browser.currentUrl().endsWith("/account/index.xhtml"), browser.currentUrl());
    }

    @Test
    void aPersonWithoutTheHelpdeskRoleIsRefusedTheConsole(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person.login(), TestPeople.PASSWORD);

        browser.open("/helpdesk/index.xhtml");

        assertEquals("Accès refusé", browser.heading());
        assertTrue(browser.texts("nav.main-menu a").stream().noneMatch(item -> item.startsWith("Console")));
    }

    @Test
    void membersOfTheHelpdeskGroupGetTheHelpdeskRole(Browser browser, Portal portal) throws Exception {
        Person agent = TestPeople.activatedStudent(portal.directory().server());
        portal.directory().server().modify("cn=helpdesk,ou=groups,dc=univ-demo,dc=fr",
                new Modification(ModificationType.ADD, "member", agent.dn()));
        signIn(browser, agent.login(), TestPeople.PASSWORD);

        browser.open("/helpdesk/index.xhtml");

        assertNotEquals("Accès refusé", browser.heading());
        assertTrue(browser.texts("nav.main-menu a").contains("Console d’assistance"), browser.texts("nav.main-menu a").toString());
    }

    @Test
    void aSessionThatEndedLeadsBackToSignin(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person.login(), TestPeople.PASSWORD);

        browser.forgetSession().open("/account/index.xhtml");

        assertEquals("Se connecter", browser.heading());
    }

    @Test
    void anAccountClosedInTheDirectoryCannotSignIn(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        TestPeople.set(portal.directory().server(), person, "supannRessourceEtat", "{COMPTE}I:SupannInactif");

        signIn(browser, person.login(), TestPeople.PASSWORD);

        assertEquals(List.of(REFUSED), browser.messages());
    }

    @Test
    void theNextParameterNeverLeadsToAnotherSite(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());

        browser.open("/signin/index.xhtml?next=//evil.example.org/")
                .fill("Identifiant", person.login()).fill("Mot de passe", TestPeople.PASSWORD).click("signin:submit");

        assertTrue(browser.currentUrl().startsWith(portal.baseUrl()), browser.currentUrl());
    }

    @Test
    void aTemporaryPasswordLeadsStraightToChoosingOnesOwn(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String temporary = "Provisoire-Kx7!2026";
        TestPeople.set(portal.directory().server(), person, "userPassword",
                new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000).hash(temporary));
        TestPeople.set(portal.directory().server(), person, "sesameMustChangePassword", "TRUE");
        TestPeople.set(portal.directory().server(), person, "sesameTemporaryPasswordExpiry", "20991231000000Z");

        signIn(browser, person.login(), temporary);
        assertEquals("Choisissez votre mot de passe", browser.heading());
        browser.open("/account/index.xhtml");
        assertEquals("Choisissez votre mot de passe", browser.heading(), "no account page before the change");
        browser.fill("Mot de passe provisoire", temporary)
                .fill("Nouveau mot de passe", "Gouttes-Pluie-2026!")
                .fill("Confirmation du nouveau mot de passe", "Gouttes-Pluie-2026!")
                .click("password:submit");

        assertTrue(browser.currentUrl().endsWith("/account/index.xhtml"), browser.currentUrl());
        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertFalse(entry.hasAttribute("sesameMustChangePassword") && "TRUE".equals(entry.getAttributeValue("sesameMustChangePassword")));
        assertFalse(entry.hasAttribute("sesameTemporaryPasswordExpiry"));
    }

    @Test
    void anExpiredTemporaryPasswordNoLongerSignsIn(Browser browser, Portal portal) {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        TestPeople.set(portal.directory().server(), person, "sesameMustChangePassword", "TRUE");
        TestPeople.set(portal.directory().server(), person, "sesameTemporaryPasswordExpiry", "20200101000000Z");

        signIn(browser, person.login(), TestPeople.PASSWORD);

        assertEquals(List.of(REFUSED), browser.messages());
    }

    private static void signIn(Browser browser, String login, String password) {
        browser.open("/signin/index.xhtml")
                .fill("Identifiant", login)
                .fill("Mot de passe", password)
                .click("signin:submit");
    }
}
