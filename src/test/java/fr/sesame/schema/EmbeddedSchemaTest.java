package fr.sesame.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;

/**
 * The 389-DS form of the schema, merged into UnboundID's standard schema, is what the demo mode's in-memory
 * directory checks entries against: the demo data must load into it without a single schema error.
 */
class EmbeddedSchemaTest {

    private static InMemoryDirectoryServer server;

    @BeforeAll
    static void start() throws Exception {
        server = newServer();
        try (LDIFReader reader = new LDIFReader(SchemaFiles.file("demo/demo-data.ldif").toFile())) {
            assertEquals(12, server.importFromLDIF(true, reader), "entries of demo-data.ldif");
        }
        server.startListening();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutDown(true);
        }
    }

    /** An in-memory server for dc=univ-demo,dc=fr with schema checking on, listening on 127.0.0.1, any port. */
    static InMemoryDirectoryServer newServer() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=univ-demo,dc=fr");
        config.setSchema(SchemaFiles.embeddedSchema());
        config.setEnforceAttributeSyntaxCompliance(true);
        config.setEnforceSingleStructuralObjectClass(true);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), 0, null));
        return new InMemoryDirectoryServer(config);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", server.getListenAddress().getHostAddress());
        assertTrue(server.getListenPort() > 0);
    }

    @Test
    void brunoIsFoundByLogin() throws Exception {
        try (LDAPConnection connection = server.getConnection()) {
            SearchResult result = connection.search("dc=univ-demo,dc=fr", SearchScope.SUB,
                    "(supannAliasLogin=bruno.petit)");
            assertEquals(1, result.getEntryCount());
            SearchResultEntry bruno = result.getSearchEntries().get(0);
            assertEquals("uid=10000002,ou=people,dc=univ-demo,dc=fr", bruno.getDN());
            assertTrue(bruno.hasObjectClass("sesameAccount"));
            assertTrue(bruno.getAttributeValue("userPassword").startsWith("{CRYPT}$6$"));
            assertEquals("20250901080000Z", bruno.getAttributeValue("sesameActivatedAt"));
            assertEquals("20250901080000Z", bruno.getAttributeValue("sesamePasswordChangedAt"));
        }
    }

    @Test
    void demoPeopleAreTheDocumentedOnes() throws Exception {
        try (LDAPConnection connection = server.getConnection()) {
            Map<String, String> people = new TreeMap<>();
            for (SearchResultEntry entry : connection.search("ou=people,dc=univ-demo,dc=fr", SearchScope.ONE,
                    "(objectClass=sesameAccount)").getSearchEntries()) {
                people.put(entry.getAttributeValue("uid"), String.join("|",
                        entry.getAttributeValue("supannAliasLogin"),
                        entry.getAttributeValue("eduPersonPrimaryAffiliation"),
                        entry.getAttributeValue("schacDateOfBirth"),
                        entry.getAttributeValue("supannRessourceEtat"),
                        String.valueOf(entry.hasAttribute("userPassword")),
                        entry.getAttributeValue("mail"),
                        entry.getAttributeValue("supannMailPerso")));
            }
            assertEquals(Map.of(
                    "10000001", "alice.martin|student|20040315|{COMPTE}A:SupannActif|false|alice.martin@univ-demo.fr"
                            + "|alice.martin@perso.example.org",
                    "10000002", "bruno.petit|student|20031102|{COMPTE}A:SupannActif|true|bruno.petit@univ-demo.fr"
                            + "|bruno.petit@perso.example.org",
                    "10000003", "chloe.durand|staff|19850721|{COMPTE}A:SupannActif|true|chloe.durand@univ-demo.fr"
                            + "|chloe.durand@perso.example.org",
                    "10000004", "david.leroy|affiliate|19900130|{COMPTE}A:SupannActif|false|david.leroy@univ-demo.fr"
                            + "|david.leroy@perso.example.org",
                    "10000005", "emma.bernard|student|20020609|{COMPTE}I:SupannInactif|false"
                            + "|emma.bernard@univ-demo.fr|emma.bernard@perso.example.org",
                    "10000006", "hugo.support|staff|19880214|{COMPTE}A:SupannActif|true|hugo.support@univ-demo.fr"
                            + "|hugo.support@perso.example.org"), people);

            SearchResultEntry chloe = connection.getEntry("uid=10000003,ou=people,dc=univ-demo,dc=fr");
            assertEquals("Chloé Durand", chloe.getAttributeValue("cn"));
            assertEquals("004512", chloe.getAttributeValue("supannEmpId"));
            SearchResultEntry alice = connection.getEntry("uid=10000001,ou=people,dc=univ-demo,dc=fr");
            assertEquals("21900001", alice.getAttributeValue("supannEtuId"));
            assertEquals("123456789AB", alice.getAttributeValue("supannCodeINE"));
            assertEquals("fr", alice.getAttributeValue("preferredLanguage"));

            SearchResultEntry helpdesk = connection.getEntry("cn=helpdesk,ou=groups,dc=univ-demo,dc=fr");
            assertNotNull(helpdesk);
            assertEquals(List.of("uid=10000006,ou=people,dc=univ-demo,dc=fr"),
                    List.of(helpdesk.getAttributeValues("member")));
            assertEquals(List.of("uid=10000006,ou=people,dc=univ-demo,dc=fr"), List.of(connection
                    .getEntry("cn=helpdesk-admin,ou=groups,dc=univ-demo,dc=fr").getAttributeValues("member")));
            assertNotNull(connection.getEntry("ou=help-requests,dc=univ-demo,dc=fr"));
        }
    }

    @Test
    void schemaIsChecked() throws Exception {
        try (LDAPConnection connection = server.getConnection()) {
            String alice = "uid=10000001,ou=people,dc=univ-demo,dc=fr";
            // UnboundID answers 65 (objectClassViolation) where slapd says 19, 21 or 17: what matters is the refusal.
            assertRefused(assertThrows(LDAPException.class, () -> connection.modify(alice,
                    new Modification(ModificationType.REPLACE, "sesameJokerAnswer", "$argon2id$a", "$argon2id$b"))),
                    "sesameJokerAnswer");
            assertRefused(assertThrows(LDAPException.class, () -> connection.modify(alice,
                    new Modification(ModificationType.REPLACE, "sesameSmsConsent", "yes"))), "sesameSmsConsent");
            assertRefused(assertThrows(LDAPException.class, () -> connection.modify(alice,
                    new Modification(ModificationType.REPLACE, "sesameNoSuchThing", "x"))), "sesameNoSuchThing");
            assertRefused(assertThrows(LDAPException.class, () -> connection.modify(alice,
                    new Modification(ModificationType.REPLACE, "schacDateOfBirth", "2004-03-15"))),
                    "schacDateOfBirth");

            connection.modify(alice,
                    new Modification(ModificationType.REPLACE, "sesameSmsConsent", "TRUE"),
                    new Modification(ModificationType.REPLACE, "sesameLockedUntil", "20300101000000Z"),
                    new Modification(ModificationType.ADD, "sesameFailure", "joker$20260105101500Z"));
            connection.add("sesameRequestId=req-0001,ou=help-requests,dc=univ-demo,dc=fr",
                    List.of(new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "sesameHelpRequest"),
                            new com.unboundid.ldap.sdk.Attribute("sesameRequestId", "req-0001"),
                            new com.unboundid.ldap.sdk.Attribute("sesameRequestState", "open"),
                            new com.unboundid.ldap.sdk.Attribute("cn", "Alice Martin")));
        }
    }

    private static void assertRefused(LDAPException e, String attribute) {
        assertTrue(Set.of(ResultCode.OBJECT_CLASS_VIOLATION, ResultCode.INVALID_ATTRIBUTE_SYNTAX,
                ResultCode.UNDEFINED_ATTRIBUTE_TYPE, ResultCode.CONSTRAINT_VIOLATION).contains(e.getResultCode()),
                e.toString());
        assertTrue(e.getMessage().contains(attribute), e.getMessage());
    }
}
