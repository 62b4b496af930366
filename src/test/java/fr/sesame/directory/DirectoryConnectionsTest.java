package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover of the portal's pools between two directories, the first reached through a {@link TcpRelay} that makes it
 * go away as a real server does: searches, writes and password checks on connections that broke meanwhile go on
 * on the second server, a write answered too late is not sent again, a hung server costs a bounded wait, and the pools return to the first server when it is back.
 * Each server names itself in its base entry's {@code description}, so a read tells which one answered.
 */
class DirectoryConnectionsTest {

    private static final String BASE = "dc=example,dc=org";
    private static final String MANAGER = "cn=manager";
    private static final String MANAGER_PASSWORD = "manager-secret";
    private static final String ALICE = "uid=alice,ou=people," + BASE;
    private static final String ALICE_PASSWORD = "Alice-Secret-2026!";

    private InMemoryDirectoryServer first;
    private InMemoryDirectoryServer second;
    private TcpRelay relay;
    private DirectoryConnections connections;

    @BeforeEach
    void startTwoServers() throws Exception {
        first = server("first");
        second = server("second");
        relay = new TcpRelay(first.getListenPort());
    }

    @AfterEach
    void stopServers() {
        if (connections != null) {
            connections.close();
        }
        relay.close();
        first.shutDown(true);
        second.shutDown(true);
    }

    @Test
    void searchesAndWritesOnConnectionsWhoseServerWentAwayGoOnOnTheNextServer() throws Exception {
        connections = DirectoryConnections.open(settings(Duration.ofSeconds(60), Duration.ofMinutes(2)));
        assertEquals("first", answeringServer());

        relay.cut();

        assertEquals("second", answeringServer());
        connections.modify(new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "mobile", "+33611111111")));
        assertEquals("+33611111111", second.getEntry(ALICE).getAttributeValue("mobile"));
        assertFalse(first.getEntry(ALICE).hasAttribute("mobile"));
    }

    @Test
    void aWriteWhoseAnswerComesTooLateIsNotSentAgain() throws Exception {
        first.shutDown(true);
        AtomicInteger modifiesReceived = new AtomicInteger();
        first = server("first", new InMemoryOperationInterceptor() {
            @Override
            public void processModifyResult(InMemoryInterceptedModifyResult result) {
                modifiesReceived.incrementAndGet();
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        relay.close();
        relay = new TcpRelay(first.getListenPort());
        connections = DirectoryConnections.open(settings(Duration.ofSeconds(60), Duration.ofMinutes(2)));

        LDAPException late = assertThrows(LDAPException.class, () -> connections.modify(
                new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "mobile", "+33622222222"))));

        assertEquals(ResultCode.TIMEOUT, late.getResultCode());
        Thread.sleep(2000);
        assertEquals(1, modifiesReceived.get());
        assertEquals("+33622222222", first.getEntry(ALICE).getAttributeValue("mobile"));
        assertFalse(second.getEntry(ALICE).hasAttribute("mobile"));
    }

    @Test
    void aPasswordCheckOnAConnectionWhoseServerWentAwayIsMadeAgainOnTheNextServer() {
        connections = DirectoryConnections.open(settings(Duration.ofSeconds(60), Duration.ofMinutes(2)));
        assertTrue(connections.passwordMatches(ALICE, ALICE_PASSWORD));

        relay.cut();

        assertTrue(connections.passwordMatches(ALICE, ALICE_PASSWORD));
        assertFalse(connections.passwordMatches(ALICE, "Not-Her-Password-1!"));
    }

    @Test
    void aServerThatStopsAnsweringCostsARequestABoundedWaitThenTheNextServerAnswers() throws Exception {
        connections = DirectoryConnections.open(settings(Duration.ofSeconds(60), Duration.ofMinutes(2)));
        assertEquals("first", answeringServer());
        assertTrue(connections.passwordMatches(ALICE, ALICE_PASSWORD));

        relay.freeze();

        long start = System.nanoTime();
        assertEquals("second", answeringServer());
        assertTrue(connections.passwordMatches(ALICE, ALICE_PASSWORD));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        // Per request: the response timeout on the hung connection, the health check after it, and the check of a
        // new connection to the hung server before the next one is tried (3 x 500 ms), plus a loaded machine's slack.
        assertTrue(waited.compareTo(Duration.ofSeconds(8)) < 0, "waited " + waited);
    }

    @Test
    void bothPoolsGoBackToTheFirstServerWhenItAnswersAgain() throws Exception {
        connections = DirectoryConnections.open(settings(Duration.ofMillis(100), Duration.ofMillis(300)));
        assertTrue(connections.passwordMatches(ALICE, ALICE_PASSWORD));
        relay.cut();
        assertEquals("second", answeringServer());
        assertTrue(connections.passwordMatches(ALICE, ALICE_PASSWORD));
        // Only the first server knows this password, so a check that accepts it was made there.
        first.modify(ALICE, new Modification(ModificationType.REPLACE, "userPassword", "Back-On-First-2026!"));

        relay.restore();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!everyConnectionIsOnTheFirstServer() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(everyConnectionIsOnTheFirstServer());
    }

    /** Reads and password checks, enough of them to use every pooled connection, all answered by the first server. */
    private boolean everyConnectionIsOnTheFirstServer() throws LDAPException {
        for (int i = 0; i < 6; i++) {
            if (!answeringServer().equals("first") || !connections.passwordMatches(ALICE, "Back-On-First-2026!")) {
                return false;
            }
        }
        return true;
    }

    private String answeringServer() throws LDAPException {
        return connections.operations().getEntry(BASE, "description").getAttributeValue("description");
    }

    /** Short timeouts, the relayed first server then the second; {@code healthCheck} also paces the failback. */
    private DirectorySettings settings(Duration healthCheck, Duration failbackAfter) {
        return new DirectorySettings(List.of(relay.url(), "ldap://127.0.0.1:" + second.getListenPort()),
                LdapSecurity.NONE, Optional.empty(), "", "PKCS12", MANAGER, MANAGER_PASSWORD, "ou=people," + BASE,
                "(objectClass=inetOrgPerson)", "ou=groups," + BASE, 2, Duration.ofMillis(500), Duration.ofMillis(500),
                healthCheck, Duration.ofMinutes(30), failbackAfter);
    }

    private static InMemoryDirectoryServer server(String name) throws Exception {
        return server(name, null);
    }

    private static InMemoryDirectoryServer server(String name, InMemoryOperationInterceptor interceptor)
            throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        if (interceptor != null) {
            config.addInMemoryOperationInterceptor(interceptor);
        }
        config.addAdditionalBindCredentials(MANAGER, MANAGER_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), 0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example", "description: " + name);
        server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: " + ALICE, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: alice", "cn: Alice", "sn: Martin", "userPassword: " + ALICE_PASSWORD);
        server.startListening();
        return server;
    }
}
