package fr.sesame.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.support.Browser;
import fr.sesame.support.BrowserTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.Portal;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The helpdesk console as an agent uses it (seed 003, part 2), and as anyone else is refused it. */
@BrowserTest
class HelpdeskIT {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/recovery/reset\\.xhtml\\?u=[^&\\s]+&t=[A-Za-z0-9_-]+)");

    private static Person agent(Portal portal) throws Exception {
        Person agent = TestPeople.activatedStudent(portal.directory().server());
        portal.directory().server().modify("cn=helpdesk,ou=groups,dc=univ-demo,dc=fr",
                new Modification(ModificationType.ADD, "member", agent.dn()));
        return agent;
    }

    private static Person admin(Portal portal) throws Exception {
        Person admin = agent(portal);
        portal.directory().server().modify("cn=helpdesk-admin,ou=groups,dc=univ-demo,dc=fr",
                new Modification(ModificationType.ADD, "member", admin.dn()));
        return admin;
    }



    private static void signIn(Browser browser, Person person) {
        browser.open("/signin/index.xhtml")
                .fill("Identifiant", person.login())
                .fill("Mot de passe", TestPeople.PASSWORD)
                .click("signin:submit");
    }

    @Test
    void anAgentFindsAPersonSetsTheirAddressSendsALinkGivesATemporaryPasswordAndUnlocks(Browser browser, Portal portal)
            throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, agent(portal));

        browser.open("/helpdesk/index.xhtml")
                .fill("Nom, prénom ou identifiant", "test" + person.studentNumber().substring(0, 6))
                .click("search-submit");
        assertTrue(browser.text("#results-count").contains("personne"), browser.text("#results-count"));
        browser.click("Camille Test");
        assertEquals("Camille Test", browser.heading());
        assertEquals(person.login(), browser.text("#record-login"));

        String address = "retrouvee." + person.studentNumber() + "@perso.example.org";
        browser.fill("Nouvelle adresse personnelle", address).click("email:submit");
        assertEquals(List.of("Cochez la case de confirmation avant de valider."), browser.messages());
        browser.fill("Nouvelle adresse personnelle", address)
                .tick("J’ai vérifié cette adresse avec la personne").click("email:submit");
        assertTrue(browser.messages().contains("L’adresse personnelle est enregistrée."), browser.messages().toString());

        browser.tick("Je confirme l’envoi du lien").click("reset:submit");
        assertTrue(browser.messages().contains("Le lien de réinitialisation a été envoyé."), browser.messages().toString());
        String mail = Inbox.text(new Inbox(portal.mail(), address).awaitNewest());
        assertTrue(mail.contains("/recovery/reset.xhtml?"), mail);

        browser.tick("Je confirme l’attribution d’un mot de passe provisoire").click("temporary:submit");
        String temporary = browser.text("#temporary-password");
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", portal.directory().port())) {
            connection.bind(person.dn(), temporary);
        }

        TestPeople.set(portal.directory().server(), person, "sesameLockedUntil", "20991231000000Z");
        browser.open("/helpdesk/person.xhtml?uid=" + person.uid());
        assertTrue(browser.text("#record-lock").startsWith("Bloqué jusqu’au"), browser.text("#record-lock"));
        assertFalse(browser.text().contains(temporary), "the temporary password is shown once");
        browser.tick("Je confirme le déblocage").click("unlock:submit");
        assertTrue(browser.text("#record-lock").startsWith("Non bloqué"), browser.text("#record-lock"));
        SearchResultEntry entry = portal.directory().server().getEntry(person.dn(), "*");
        assertFalse(entry.hasAttribute("sesameLockedUntil"));
        assertTrue(browser.text("#events-heading").length() > 0);
    }

    @Test
    void theTemporaryPasswordIsGoneFromTheNextResponseEvenARefusedOne(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, agent(portal));

        browser.open("/helpdesk/person.xhtml?uid=" + person.uid())
                .tick("Je confirme l’attribution d’un mot de passe provisoire").click("temporary:submit");
        String temporary = browser.text("#temporary-password");
        assertFalse(temporary.isBlank());

        // Another action on the same view, refused before it runs: its box is not ticked.
        browser.click("unlock:submit");
        assertEquals(List.of("Cochez la case de confirmation avant de valider."), browser.messagesIn("unlock"));
        assertTrue(browser.driver().findElements(By.id("temporary-password")).isEmpty(),
                "the temporary password is shown in one response only");
        assertFalse(browser.text().contains(temporary), "the temporary password is shown in one response only");
    }

    @Test
    void aRefusedActionSaysWhyInItsOwnFormAndTakesTheKeyboardThere(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, agent(portal));

        // The joker's form, low on the page, sent without its confirmation box ticked.
        browser.open("/helpdesk/person.xhtml?uid=" + person.uid()).click("joker:submit");

        assertEquals(List.of("Cochez la case de confirmation avant de valider."), browser.messagesIn("joker"),
                "the message is in the form that was sent");
        assertTrue(browser.messagesIn("unlock").isEmpty() && browser.messagesIn("selfService").isEmpty(),
                "and in no other form");
        WebElement focused = browser.focusMovesTo("joker:confirm");
        assertEquals("joker", Browser.formOf(focused),
                "the focus is in the refused form, not at the top of the page: " + focused.getDomAttribute("id"));
        assertEquals("joker:confirm", focused.getDomAttribute("id"), "on its confirmation box");
        assertEquals("true", focused.getDomAttribute("aria-invalid"));
        String description = browser.description(focused);
        assertEquals("Cochez la case de confirmation avant de valider.", description);
        assertEquals("false", browser.attribute("[id='unlock:confirm']", "aria-invalid"));

        // Ticked this time: done, the page reloaded with its message at the top, nothing left in the form.
        browser.tick("Je confirme l’effacement de la question joker").click("joker:submit");
        assertTrue(browser.messages().contains("La question joker est effacée ; la personne devra en choisir une nouvelle."),
                browser.messages().toString());
        assertTrue(browser.messagesIn("joker").isEmpty(), browser.messagesIn("joker").toString());

        // An answer about the action rather than a field (nothing to unlock): in the form too, the focus on its box.
        browser.tick("Je confirme le déblocage").click("unlock:submit");
        assertEquals(List.of("Rien n’a changé : le compte était déjà ainsi."), browser.messagesIn("unlock"));
        focused = browser.focusMovesTo("unlock:confirm");
        assertEquals("unlock:confirm", focused.getDomAttribute("id"));
        assertEquals("false", focused.getDomAttribute("aria-invalid"), "the box itself is not at fault");
        assertTrue(focused.getDomAttribute("aria-describedby").contains("unlock:message"),
                focused.getDomAttribute("aria-describedby"));
    }

    @Test
    void anAgentTextsAResetLinkThatThePersonFollowsToChooseAPassword(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String digits = person.studentNumber().substring(4);
        TestPeople.set(portal.directory().server(), person, "mobile",
                "06 39 98 " + digits.substring(0, 2) + " " + digits.substring(2));
        signIn(browser, agent(portal));

        browser.open("/helpdesk/person.xhtml?uid=" + person.uid())
                .tick("Je confirme l’envoi du SMS").click("sms:submit");
        assertTrue(browser.messages().contains("Le SMS avec le lien de réinitialisation a été envoyé."),
                browser.messages().toString());
        assertTrue(browser.text("table.events").contains("Lien de changement de mot de passe envoyé par SMS"),
                browser.text("table.events"));

        browser.open("/sms/outbox.xhtml");
        List<String> texts = browser.texts("article.sms").stream()
                .filter(article -> article.startsWith("À +3363998" + digits)).toList();
        assertEquals(1, texts.size(), browser.text());
        Matcher link = LINK.matcher(texts.get(0));
        assertTrue(link.find(), texts.get(0));
        assertTrue(link.group(1).startsWith(portal.baseUrl() + "/recovery/reset.xhtml?u=" + person.uid()), link.group(1));

        browser.open(link.group(1).substring(portal.baseUrl().length()));
        assertEquals(person.login(), browser.text("#reset-login"));
        browser.fill("Nouveau mot de passe", "Nuage-Riviere-2026!").fill("Confirmation du nouveau mot de passe", "Nuage-Riviere-2026!")
                .tick("Je reconnais avoir pris connaissance du règlement intérieur.")
                .click("password:submit");
        assertEquals("Votre mot de passe a bien été modifié", browser.text("h2"));
        assertTrue(portal.binds(person.dn(), "Nuage-Riviere-2026!"));
    }

    @Test
    void anAgentEditsTheAliasResetsTheJokerTogglesSelfServiceAndTheAdminViewListsItAll(Browser browser, Portal portal)
            throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        Person other = TestPeople.activatedStudent(portal.directory().server());
        Person agent = admin(portal);
        signIn(browser, agent);
        browser.open("/helpdesk/person.xhtml?uid=" + person.uid());

        browser.fill("Nouvel identifiant personnalisé", other.login()).click("alias:submit");
        assertEquals(List.of("Cet identifiant est déjà utilisé par une autre personne."), browser.messages());
        assertEquals(List.of("Cet identifiant est déjà utilisé par une autre personne."), browser.messagesIn("alias"));
        WebElement aliasField = browser.focusMovesTo("alias:value");
        assertEquals("alias:value", aliasField.getDomAttribute("id"), "the refused field has the focus");
        assertEquals("true", aliasField.getDomAttribute("aria-invalid"));
        String alias = "camille.t" + person.uid();
        browser.fill("Nouvel identifiant personnalisé", alias).click("alias:submit");
        assertTrue(browser.messages().contains("L’identifiant personnalisé est enregistré."), browser.messages().toString());
        assertEquals(alias, portal.directory().server().getEntry(person.dn()).getAttributeValue("sesameAlias"));

        browser.tick("Je confirme l’effacement de la question joker").click("joker:submit");
        assertTrue(browser.messages().contains("La question joker est effacée ; la personne devra en choisir une nouvelle."),
                browser.messages().toString());
        assertTrue(browser.text().contains("(à redéfinir)"));

        browser.tick("Je confirme la désactivation du libre-service").click("selfService:submit");
        assertTrue(browser.messages().contains("Le libre-service est désactivé."), browser.messages().toString());
        assertEquals("Désactivé par l’assistance", browser.text("#record-self-service"));
        browser.forgetSession();
        signIn(browser, person);
        assertEquals(List.of("Identifiant ou mot de passe incorrect."), browser.messages(), "refused while disabled");
        browser.forgetSession();
        signIn(browser, agent);
        browser.open("/helpdesk/person.xhtml?uid=" + person.uid())
                .tick("Je confirme la réactivation du libre-service").click("selfService:submit");
        assertTrue(browser.messages().contains("Le libre-service est réactivé."), browser.messages().toString());
        assertEquals("Autorisé", browser.text("#record-self-service"));

        browser.open("/helpdesk/index.xhtml").click("Actions de tous les agents");
        assertEquals("Actions des agents d’assistance", browser.heading());
        browser.fill("Agent", agent.login()).click("filter-submit");
        List<String> rows = browser.texts("#actions tbody tr").stream()
                .filter(row -> row.contains(person.login())).toList();
        assertEquals(List.of("Libre-service réactivé par l’assistance", "Libre-service désactivé par l’assistance",
                        "Question joker effacée par l’assistance", "Identifiant personnalisé (alias) modifié par l’assistance"),
                browser.texts("#actions tbody tr td:nth-child(3)"));
        assertTrue(rows.size() == 4 && rows.stream().allMatch(row -> row.contains(agent.login())), rows.toString());
        assertTrue(browser.text("#actions caption").contains("page 1 sur 1"), browser.text("#actions caption"));
        browser.open("/helpdesk/audit.xhtml?agent=" + agent.login() + "&from=2026-13-45");
        assertEquals(List.of("Date non valide : choisissez-la dans le calendrier, ou saisissez-la sous la forme aaaa-mm-jj."),
                browser.messages());

        List<JsonObject> logged = portal.auditRecords().stream()
                .filter(record -> record.getString("actor").equals(agent.login())
                        && record.getString("subject").equals(person.login()))
                .toList();
        assertEquals(List.of("alias-changed", "joker-reset", "self-service-disabled", "self-service-enabled"),
                logged.stream().map(record -> record.getString("event")).toList(), "one JSON line each, in the audit file");
    }

    @Test
    void namesWithMarkupAreShownAsText(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        String name = "<script>window.pwned=1</script>" + person.studentNumber();
        TestPeople.set(portal.directory().server(), person, "displayName", name);
        signIn(browser, agent(portal));

        browser.open("/helpdesk/index.xhtml?q=" + person.login());

        assertTrue(browser.texts("table.results a").contains(name), browser.texts("table.results a").toString());
        assertEquals(null, browser.driver().executeScript("return window.pwned;"));
    }

    @Test
    void someoneWithoutTheRoleIsRefusedEveryPageAndAnAgentTheAdminView(Browser browser, Portal portal) throws Exception {
        Person person = TestPeople.activatedStudent(portal.directory().server());
        signIn(browser, person);

        browser.open("/helpdesk/index.xhtml?q=bruno");
        assertEquals("Accès refusé", browser.heading());
        browser.open("/helpdesk/person.xhtml?uid=10000002");
        assertEquals("Accès refusé", browser.heading());
        // A form posted by hand, as if the page had been reached: the action is refused too.
        Object status = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/helpdesk/person.xhtml?uid=10000002', {method: 'POST',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'sms=sms&sms%3Aconfirm=on&sms%3Asubmit='}).then(r => done(r.status), e => done(String(e)));");
        assertEquals(403L, status);
        browser.open("/helpdesk/audit.xhtml");
        assertEquals("Accès refusé", browser.heading());

        browser.forgetSession();
        signIn(browser, agent(portal));
        browser.open("/helpdesk/index.xhtml");
        assertFalse(browser.text().contains("Actions de tous les agents"));
        browser.open("/helpdesk/audit.xhtml?agent=hugo.support");
        assertEquals("Accès refusé", browser.heading());
        assertFalse(browser.text().contains("hugo.support"));
    }
}
