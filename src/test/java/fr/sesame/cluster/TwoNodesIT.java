package fr.sesame.cluster;

import static fr.sesame.support.ClusterExtension.CLIENT_MAX_FAILURES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.support.Binds;
import fr.sesame.support.Browser;
import fr.sesame.support.BrowserExtension;
import fr.sesame.support.ClusterExtension;
import fr.sesame.support.HttpForwarder;
import fr.sesame.support.PortalCluster;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Two portal nodes forming one Payara cluster, behind a balancer with no sticky sessions that sends every page
 * to the other node than the last one: a flow goes on whichever node answers, a client's failures count on both,
 * and one node can stop while the other goes on.
 */
@ExtendWith(ClusterExtension.class)
// Stopping a node is left for last only to spare a restart: any order passes (the extension restarts a stopped node).
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String NEW_PASSWORD = "Velo-Soleil-2026!";
    /** Where the throttled client's requests come from: another address than the browser's usual 127.0.0.1. */
    private static final String THROTTLED_CLIENT = "127.0.0.9";

    @RegisterExtension
    static final BrowserExtension BROWSER = new BrowserExtension(context -> ClusterExtension.cluster(context).url());

    @Test
    void anActivationWhosePagesAlternateBetweenTheNodesCompletes(Browser browser, PortalCluster cluster) throws Exception {
        Person person = TestPeople.newStudent(cluster.directory().server());
        int byNode1 = cluster.pagesServedBy(1);
        int byNode2 = cluster.pagesServedBy(2);

        identify(browser, cluster.url(), person);
        assertEquals("Question joker", browser.text("h2"));
        chooseJoker(browser);
        assertEquals("Alertes SMS", browser.text("h2"));
        browser.tick("Oui, j’accepte").fill("Numéro de téléphone portable (si vous acceptez)", "06 12 34 56 78")
                .click("Valider");
        assertEquals("Photo et annuaire", browser.text("h2"));
        choosePhotoAndDirectory(browser);
        assertEquals("Mot de passe", browser.text("h2"));
        setPassword(browser);

        assertEquals("Votre compte est maintenant activé", browser.text("h2"));
        assertTrue(browser.text(".summary").contains(person.login()), browser.text(".summary"));
        assertActivated(cluster, person, "+33612345678");
        assertTrue(cluster.pagesServedBy(1) - byNode1 >= 3, "node 1 served its share of the wizard's pages");
        assertTrue(cluster.pagesServedBy(2) - byNode2 >= 3, "node 2 served its share of the wizard's pages");
    }

    @Test
    void aClientThatUsedUpItsFailuresOnOneNodeIsRefusedByTheOther(Browser browser, PortalCluster cluster) {
        Person person = TestPeople.newStudent(cluster.directory().server());
        try (HttpForwarder toNode1 = HttpForwarder.to(List.of(cluster.node(1).url()), THROTTLED_CLIENT);
                HttpForwarder toNode2 = HttpForwarder.to(List.of(cluster.node(2).url()), THROTTLED_CLIENT)) {
            for (int attempt = 1; attempt <= CLIENT_MAX_FAILURES; attempt++) {
                identify(browser, toNode1.url(), "1234567" + attempt, "01/01/1970");
                assertEquals(List.of("Les informations saisies ne permettent pas de vous identifier. Vérifiez votre"
                        + " numéro et votre date de naissance."), browser.messages());
            }

            identify(browser, toNode2.url(), person.studentNumber(), person.typedBirthDate());

            assertTrue(browser.messages().stream().anyMatch(message ->
                    message.startsWith("Trop de tentatives ont été faites depuis votre connexion.")),
                    browser.messages().toString());
        }
        browser.forgetSession();

        identify(browser, cluster.url(), person);

        assertEquals("Question joker", browser.text("h2"), "another client is not concerned");
    }

    @Test
    void aPersonSignedInThroughOneNodeIsSignedInOnTheOther(Browser browser, PortalCluster cluster) {
        Person person = TestPeople.activatedStudent(cluster.directory().server());
        browser.driver().get(cluster.url("/signin/index.xhtml"));
        browser.checkAccessibility()
                .fill("Identifiant", person.login()).fill("Mot de passe", TestPeople.PASSWORD).click("signin:submit");
        int byNode1 = cluster.pagesServedBy(1);
        int byNode2 = cluster.pagesServedBy(2);

        for (int page = 0; page < 2; page++) {
            browser.driver().get(cluster.url("/account/index.xhtml"));
            assertEquals("Gérer mon compte", browser.checkAccessibility().heading());
        }

        assertTrue(cluster.pagesServedBy(1) > byNode1, "node 1 served an account page");
        assertTrue(cluster.pagesServedBy(2) > byNode2, "node 2 served an account page");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stoppingANodeLosesNoCompletedChangeAndTheOtherFinishesAFlowBothHadServed(Browser browser, PortalCluster cluster)
            throws Exception {
        Person done = TestPeople.newStudent(cluster.directory().server());
        identify(browser, cluster.url(), done);
        chooseJoker(browser);
        refuseSms(browser);
        choosePhotoAndDirectory(browser);
        setPassword(browser);
        assertEquals("Votre compte est maintenant activé", browser.text("h2"));
        browser.forgetSession();
        Person halfway = TestPeople.newStudent(cluster.directory().server());
        identify(browser, cluster.url(), halfway);
        chooseJoker(browser);
        refuseSms(browser);
        assertEquals("Photo et annuaire", browser.text("h2"));

        cluster.node(1).stop();
        int byNode1 = cluster.pagesServedBy(1);
        int byNode2 = cluster.pagesServedBy(2);
        choosePhotoAndDirectory(browser);
        setPassword(browser);

        assertEquals("Votre compte est maintenant activé", browser.text("h2"));
        assertActivated(cluster, done, null);
        assertActivated(cluster, halfway, null);
        assertEquals(byNode1, cluster.pagesServedBy(1));
        assertTrue(cluster.pagesServedBy(2) >= byNode2 + 2, "node 2 served the end of the wizard");
    }

    private static void assertActivated(PortalCluster cluster, Person person, String mobile) throws Exception {
        SearchResultEntry entry = cluster.directory().server().getEntry(person.dn(), "*");
        assertTrue(entry.getAttributeValue("userPassword").startsWith("{CRYPT}$6$"));
        assertTrue(entry.hasAttribute("sesameActivatedAt"));
        assertTrue(entry.getAttributeValue("sesameJokerAnswer").startsWith("$argon2id$"));
        assertEquals(mobile, entry.getAttributeValue("mobile"));
        assertEquals(1, entry.getAttribute("sesamePasswordHistory").size());
        assertTrue(Binds.succeed(() -> new LDAPConnection("127.0.0.1", cluster.directory().port()), person.dn(),
                NEW_PASSWORD));
    }

    private static void identify(Browser browser, String site, Person person) {
        identify(browser, site, person.studentNumber(), person.typedBirthDate());
    }

    private static void identify(Browser browser, String site, String studentNumber, String birthDate) {
        browser.driver().get(site + "/activation/wizard.xhtml?by=student");
        browser.checkAccessibility()
                .fill("Numéro étudiant", studentNumber)
                .fill("Date de naissance", birthDate)
                .click("Valider");
    }

    private static void chooseJoker(Browser browser) {
        browser.select("Votre question", "Quel est le nom de votre premier animal de compagnie ?")
                .fill("Votre réponse", "Médor")
                .click("Valider");
    }

    private static void refuseSms(Browser browser) {
        browser.tick("Non, je refuse").click("Valider");
    }

    private static void choosePhotoAndDirectory(Browser browser) {
        browser.tick("Non, je refuse").tick("Oui, je souhaite y apparaître").click("Valider");
    }

    private static void setPassword(Browser browser) {
        browser.fill("Nouveau mot de passe", NEW_PASSWORD).fill("Confirmation du nouveau mot de passe", NEW_PASSWORD);
        if (!browser.driver().findElement(By.id("password:charter")).isSelected()) {
            browser.tick("Je reconnais avoir pris connaissance du règlement intérieur.");
        }
        browser.click("password:submit");
    }
}
