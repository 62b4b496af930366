package fr.sesame.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Portal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The portal shell as a person meets it: French first, English on request, a menu that leads to every
 * page and says which one is current, readable error pages, and a keyboard path that starts with
 * "skip to content". Every page visited here is also checked by axe-core (through {@link Browser}).
 */
@BrowserTest
class ShellIT {

    private static final List<String> FRENCH_MENU =
            List.of("Accueil", "Activer mon compte", "Identifiants oubliés", "Aide", "Se connecter");
    private static final List<String> ENGLISH_MENU =
            List.of("Home", "Activate my account", "Forgotten credentials", "Help", "Sign in");

    @Test
    void homePageSpeaksFrenchByDefault(Browser browser) {
        browser.open("/");

        assertAll(
                () -> assertEquals("fr", browser.language()),
                () -> assertEquals("Bienvenue sur Sésame", browser.heading()),
                () -> assertEquals("Accueil — Sésame", browser.title()),
                () -> assertEquals(FRENCH_MENU, browser.texts("nav.main-menu a")),
                () -> assertEquals("Accueil", browser.text("nav.main-menu a[aria-current='page']")));
    }

    @Test
    void portalStaysFrenchWhenTheBrowserAsksForEnglish(Portal portal) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url("/")))
                .header("Accept-Language", "en-GB,en;q=0.9")
                .build();

        String page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();

        assertAll(
                () -> assertTrue(page.contains("lang=\"fr\""), "html lang should be fr"),
                () -> assertTrue(page.contains("<h1>Bienvenue sur Sésame</h1>"), "heading should be French"));
    }

    @Test
    void englishLinkTranslatesThePageAndTheFollowingOnes(Browser browser) {
        browser.open("/help/index.xhtml").click("EN English");

        assertAll(
                () -> assertEquals("en", browser.language()),
                () -> assertEquals("Help", browser.heading()),
                () -> assertEquals("Help — Sésame", browser.title()),
                () -> assertTrue(browser.currentUrl().endsWith("/help/index.xhtml"), browser.currentUrl()),
                () -> assertEquals(ENGLISH_MENU, browser.texts("nav.main-menu a")));

        browser.followMenu("Activate my account");
        assertEquals("Activate my account", browser.heading());

        browser.click("FR Français");
        assertAll(
                () -> assertEquals("fr", browser.language()),
                () -> assertEquals("Activer mon compte", browser.heading()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Activer mon compte,   Activer mon compte,   Activer mon compte — Sésame",
            "Identifiants oubliés, Identifiants oubliés, Identifiants oubliés — Sésame",
            "Aide,                 Aide,                 Aide — Sésame",
            "Se connecter,         Se connecter,         Se connecter — Sésame",
            "Accueil,              Bienvenue sur Sésame, Accueil — Sésame"})
    void eachMenuItemOpensItsPageAndMarksItCurrent(String item, String heading, String title, Browser browser) {
        browser.open("/help/index.xhtml").followMenu(item);

        assertAll(
                () -> assertEquals(heading, browser.heading()),
                () -> assertEquals(title, browser.title()),
                () -> assertEquals(List.of(item), browser.texts("nav.main-menu a[aria-current='page']")));
    }

    @Test
    void unknownAddressShowsTheNotFoundPageInTheCurrentLanguage(Browser browser) {
        browser.open("/no/such/page.xhtml");
        assertAll(
                () -> assertEquals("Page introuvable", browser.heading()),
                () -> assertEquals("Page introuvable — Sésame", browser.title()),
                () -> assertEquals(List.of(), browser.texts("nav.main-menu a[aria-current='page']")));

        browser.click("EN English");
        assertAll(
                () -> assertEquals("en", browser.language()),
                () -> assertEquals("Page not found", browser.heading()));

        browser.click("Back to the home page");
        assertEquals("Welcome to Sésame", browser.heading());
    }

    @Test
    void skipLinkIsTheFirstThingTheKeyboardReaches(Browser browser) {
        browser.open("/activation/index.xhtml").press(Keys.TAB);

        WebElement first = browser.focused();
        assertAll(
                () -> assertEquals("Aller au contenu", first.getText()),
                () -> assertTrue(first.getDomAttribute("href").endsWith("#content"), first.getDomAttribute("href")));

        browser.press(Keys.ENTER);
        assertEquals("content", browser.focused().getDomAttribute("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/activation/index.xhtml", "/recovery/index.xhtml", "/help/index.xhtml",
            "/signin/index.xhtml", "/no/such/page.xhtml"})
    void pageFitsAScreen320PixelsWide(String path, Browser browser) {
        browser.resize(320, 800).open(path);

        assertFalse(browser.scrollsSideways(), path + " scrolls sideways at 320 px");
    }

    @Test
    void signInFormNamesItsFieldsAndAnnouncesWhatIsMissing(Browser browser) {
        browser.open("/signin/index.xhtml").fill("Identifiant", "jdupont").click("signin:submit");

        assertAll(
                () -> assertEquals("Se connecter", browser.heading()),
                () -> assertTrue(browser.text("[role='alert'] #messages").contains("Vous devez entrer votre mot de passe."),
                        browser.text("#messages")),
                () -> assertEquals("true", browser.attribute("[id='signin:password']", "aria-invalid")));
    }

    @Test
    void formSentAfterTheSessionEndedShowsTheExpiredPage(Browser browser) {
        browser.open("/signin/index.xhtml")
                .fill("Identifiant", "jdupont")
                .fill("Mot de passe", "not-checked-here")
                .forgetSession()
                .click("signin:submit");

        assertAll(
                () -> assertEquals("Votre page a expiré", browser.heading()),
                () -> assertTrue(browser.text().contains("Recommencer depuis l’accueil")));
    }
}
