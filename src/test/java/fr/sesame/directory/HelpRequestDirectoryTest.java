package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.directory.HelpRequestDirectory.StoredHelpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelpRequestDirectoryTest {

    private static final String BASE = "ou=help-requests,dc=univ-demo,dc=fr";

    private EmbeddedDirectory directory;
    private DirectoryConnections connections;
    private HelpRequestDirectory requests;

    @BeforeEach
    void startDirectory() {
        directory = EmbeddedDirectory.start(0);
        connections = DirectoryConnections.open(directory.settings());
        requests = new HelpRequestDirectory(connections, BASE);
    }

    @AfterEach
    void stopDirectory() {
        connections.close();
        directory.close();
    }

    @Test
    void aNewRequestIsStoredOpenWithItsCreationTime() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        String id = requests.add("Camille Martin", "camille@example.org", "Je ne peux plus me connecter.", "{\"event\":\"submitted\"}");

        StoredHelpRequest stored = requests.find(id).orElseThrow();
        assertEquals("Camille Martin", stored.name());
        assertEquals("camille@example.org", stored.contact());
        assertEquals("Je ne peux plus me connecter.", stored.description());
        assertTrue(stored.open());
        assertEquals(List.of("{\"event\":\"submitted\"}"), stored.history());
        assertTrue(stored.submittedAt().isAfter(before), stored.submittedAt().toString());
        SearchResultEntry entry = directory.server().getEntry("sesameRequestId=" + id + "," + BASE);
        assertTrue(entry.hasObjectClass("sesameHelpRequest"));
    }

    @Test
    void theOpenListHasOnlyOpenRequestsNewestFirstAndAtMostTheLimit() throws Exception {
        String first = requests.add("Un", "un@example.org", "premier", "{}");
        Thread.sleep(Duration.ofMillis(1100).toMillis());
        String second = requests.add("Deux", "deux@example.org", "deuxième", "{}");
        Thread.sleep(Duration.ofMillis(1100).toMillis());
        String third = requests.add("Trois", "trois@example.org", "troisième", "{}");
        requests.close(second, "{\"event\":\"closed\"}");

        assertEquals(List.of(third, first), requests.listOpen(10).stream().map(StoredHelpRequest::id).toList());
        assertEquals(List.of(third), requests.listOpen(1).stream().map(StoredHelpRequest::id).toList());
    }

    @Test
    void closingKeepsTheNoteInTheHistoryAndSucceedsOnlyOnce() {
        String id = requests.add("Camille", "camille@example.org", "bloqué", "{\"event\":\"submitted\"}");

        assertTrue(requests.close(id, "{\"event\":\"closed\",\"note\":\"mot de passe réinitialisé\"}"));
        assertFalse(requests.close(id, "{\"event\":\"closed\",\"note\":\"encore\"}"));

        StoredHelpRequest closed = requests.find(id).orElseThrow();
        assertEquals(HelpRequestDirectory.CLOSED, closed.state());
        assertEquals(2, closed.history().size());
        assertTrue(closed.history().contains("{\"event\":\"closed\",\"note\":\"mot de passe réinitialisé\"}"));
    }

    @Test
    void anUnknownOrMalformedIdFindsNothingAndClosesNothing() {
        requests.add("Camille", "camille@example.org", "bloqué", "{}");

        assertTrue(requests.find("inconnu").isEmpty());
        assertTrue(requests.find("*").isEmpty());
        assertTrue(requests.find("x,ou=people,dc=univ-demo,dc=fr").isEmpty());
        assertTrue(requests.find(null).isEmpty());
        assertFalse(requests.close("inconnu", "{}"));
        assertFalse(requests.close("*", "{}"));
        assertEquals(1, requests.listOpen(10).size());
    }

    @Test
    void typedTextWithLdapAndHtmlSpecialCharactersIsStoredAsIs() {
        String name = "*)(cn=*),+\"\\<>;=# <script>alert(1)</script>";
        String description = "ligne 1\nligne 2 )(|(objectClass=*) é ñ 漢字";
        String id = requests.add(name, "x@example.org", description, "{}");

        StoredHelpRequest stored = requests.find(id).orElseThrow();
        assertEquals(name, stored.name());
        assertEquals(description, stored.description());
        assertEquals(1, requests.listOpen(10).size());
    }

    @Test
    void idsAreRandomAndUrlSafe() {
        String one = requests.add("A", "a@example.org", "a", "{}");
        String two = requests.add("B", "b@example.org", "b", "{}");

        assertFalse(one.equals(two));
        assertTrue(one.matches("[A-Za-z0-9_-]{20}"), one);
    }
}
