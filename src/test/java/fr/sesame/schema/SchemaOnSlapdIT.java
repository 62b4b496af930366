package fr.sesame.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;

import fr.sesame.support.Slapd;

/** The OpenLDAP files, installed as the README says on a real slapd, hold the demo data and work for the portal. */
@ExtendWith(Slapd.Extension.class)
class SchemaOnSlapdIT {

    private static final String DEMO_PASSWORD = "Rentree-2026!";
    private static final String BRUNO = "uid=10000002,ou=people,dc=univ-demo,dc=fr";

    @Test
    void demoDataIsThere(Slapd slapd) throws Exception {
        try (LDAPConnection connection = slapd.connectAsAdmin()) {
            List<SearchResultEntry> people = connection.search("ou=people," + slapd.baseDn(), SearchScope.ONE,
                    "(objectClass=sesameAccount)", "supannAliasLogin").getSearchEntries();
            assertEquals(List.of("alice.martin", "bruno.petit", "chloe.durand", "david.leroy", "emma.bernard",
                    "hugo.support"),
                    people.stream().map(e -> e.getAttributeValue("supannAliasLogin")).sorted().toList());
            // Equality searches on the indexed attributes, as the portal makes them.
            for (Map.Entry<String, String> search : Map.of(
                    "(supannAliasLogin=bruno.petit)", BRUNO,
                    "(supannEtuId=21900002)", BRUNO,
                    "(supannCodeINE=234567890cd)", BRUNO,
                    "(supannMailPerso=BRUNO.PETIT@perso.example.org)", BRUNO,
                    "(mail=bruno.petit@univ-demo.fr)", BRUNO,
                    "(supannEmpId=004512)", "uid=10000003,ou=people,dc=univ-demo,dc=fr",
                    "(cn=chlo*)", "uid=10000003,ou=people,dc=univ-demo,dc=fr").entrySet()) {
                List<SearchResultEntry> found = connection.search(slapd.baseDn(), SearchScope.SUB, search.getKey())
                        .getSearchEntries();
                assertEquals(1, found.size(), search.getKey());
                assertEquals(search.getValue(), found.get(0).getDN(), search.getKey());
            }
            SearchResultEntry chloe = connection.getEntry("uid=10000003,ou=people,dc=univ-demo,dc=fr");
            assertEquals("Chloé Durand", chloe.getAttributeValue("cn"));
            SearchResultEntry emma = connection.getEntry("uid=10000005,ou=people,dc=univ-demo,dc=fr");
            assertEquals("{COMPTE}I:SupannInactif", emma.getAttributeValue("supannRessourceEtat"));
            SearchResultEntry helpdesk = connection.getEntry("cn=helpdesk,ou=groups,dc=univ-demo,dc=fr");
            assertArrayEquals(new String[] {"uid=10000006,ou=people,dc=univ-demo,dc=fr"},
                    helpdesk.getAttributeValues("member"));
        }
    }

    @Test
    void slapdHasTheSchemaOfTheFiles(Slapd slapd) throws Exception {
        SchemaFiles.Definitions files = SchemaFiles.openLdap("01-supann-subset.ldif", "02-sesame.ldif");
        try (LDAPConnection connection = slapd.connect()) {
            Schema live = connection.getSchema();
            assertNotNull(live);
            for (AttributeTypeDefinition expected : files.attributeTypes().values()) {
                AttributeTypeDefinition actual = live.getAttributeType(expected.getOID());
                assertNotNull(actual, expected.getNameOrOID());
                assertEquals(expected.getNameOrOID(), actual.getNameOrOID());
                assertEquals(expected.getSyntaxOID(), actual.getSyntaxOID(), expected.getNameOrOID());
                assertEquals(expected.isSingleValued(), actual.isSingleValued(), expected.getNameOrOID());
                assertEquals(expected.getEqualityMatchingRule(), actual.getEqualityMatchingRule(),
                        expected.getNameOrOID());
            }
            for (ObjectClassDefinition expected : files.objectClasses().values()) {
                ObjectClassDefinition actual = live.getObjectClass(expected.getOID());
                assertNotNull(actual, expected.getNameOrOID());
                assertEquals(List.of(expected.getOptionalAttributes()), List.of(actual.getOptionalAttributes()));
                assertEquals(List.of(expected.getRequiredAttributes()), List.of(actual.getRequiredAttributes()));
            }
        }
    }

    @Test
    void brunoSignsInWithTheDemoPassword(Slapd slapd) throws Exception {
        try (LDAPConnection connection = slapd.connect()) {
            assertEquals(ResultCode.SUCCESS, connection.bind(BRUNO, DEMO_PASSWORD).getResultCode());
            WhoAmIExtendedResult whoAmI = (WhoAmIExtendedResult) connection.processExtendedOperation(
                    new WhoAmIExtendedRequest());
            assertEquals("dn:" + BRUNO, whoAmI.getAuthorizationID());
        }
    }

    @Test
    void aWrongPasswordIsRefused(Slapd slapd) throws Exception {
        try (LDAPConnection connection = slapd.connect()) {
            LDAPException e = assertThrows(LDAPException.class, () -> connection.bind(BRUNO, "Rentree-2025!"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        }
        try (LDAPConnection connection = slapd.connect()) {
            // Never activated: no userPassword, no way in.
            LDAPException e = assertThrows(LDAPException.class,
                    () -> connection.bind("uid=10000001,ou=people,dc=univ-demo,dc=fr", DEMO_PASSWORD));
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        }
    }

    @Test
    void passwordHashesAreNotReadable(Slapd slapd) throws Exception {
        try (LDAPConnection connection = slapd.connect()) {
            SearchResultEntry bruno = connection.getEntry(BRUNO, "*");
            assertNotNull(bruno);
            assertEquals("bruno.petit", bruno.getAttributeValue("supannAliasLogin"));
            assertNull(bruno.getAttribute("userPassword"));
        }
    }

    @Test
    void sesameAttributesCanBeWritten(Slapd slapd) throws Exception {
        String chloe = "uid=10000003,ou=people,dc=univ-demo,dc=fr";
        String answer = "$argon2id$v=19$m=65536,t=2,p=1$c2VzYW1lLXNhbHQ$Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmE";
        String token = "reset$20300101120000Z$argon2id$v=19$m=65536,t=2,p=1$dG9rZW4tc2FsdA$YmFyYmF6YmFyYmF6YmFy";
        try (LDAPConnection connection = slapd.connectAsAdmin()) {
            connection.modify(chloe,
                    new Modification(ModificationType.REPLACE, "sesameJokerQuestion", "Nom de mon premier chat ?"),
                    new Modification(ModificationType.REPLACE, "sesameJokerAnswer", answer),
                    new Modification(ModificationType.ADD, "sesameToken", token,
                            "activation$20300102120000Z$argon2id$v=19$m=65536,t=2,p=1$YQ$Yg"),
                    new Modification(ModificationType.ADD, "sesameFailure", "password$20260105101500Z",
                            "password$20260105101600Z"),
                    new Modification(ModificationType.REPLACE, "sesameSmsConsent", "TRUE"),
                    new Modification(ModificationType.REPLACE, "sesameLockedUntil", "20260105111500Z"),
                    new Modification(ModificationType.ADD, "sesameSecurityEvent",
                            "{\"type\":\"joker-set\",\"at\":\"2026-01-05T10:15:00Z\"}"));
            SearchResultEntry entry = connection.getEntry(chloe, "sesameJokerAnswer", "sesameToken",
                    "sesameFailure", "sesameSmsConsent", "sesameSecurityEvent");
            assertEquals(answer, entry.getAttributeValue("sesameJokerAnswer"));
            assertEquals(2, entry.getAttributeValues("sesameToken").length);
            assertEquals(2, entry.getAttributeValues("sesameFailure").length);
            assertEquals("TRUE", entry.getAttributeValue("sesameSmsConsent"));

            // Ordering on the generalizedTime attributes: "locked until later than now".
            assertEquals(1, connection.search(chloe, SearchScope.BASE, "(sesameLockedUntil>=20260101000000Z)")
                    .getEntryCount());
            // Exact matching on the hashes: a token is found only with its exact value.
            assertEquals(1, connection.search(chloe, SearchScope.BASE, "(sesameToken=" + escape(token) + ")")
                    .getEntryCount());
            assertEquals(0, connection.search(chloe, SearchScope.BASE,
                    "(sesameToken=" + escape(token.toUpperCase()) + ")").getEntryCount());

            // The schema is enforced by slapd too.
            LDAPException twoAnswers = assertThrows(LDAPException.class, () -> connection.modify(chloe,
                    new Modification(ModificationType.REPLACE, "sesameJokerAnswer", "$argon2id$a", "$argon2id$b")));
            assertEquals(ResultCode.CONSTRAINT_VIOLATION, twoAnswers.getResultCode());
            LDAPException notBoolean = assertThrows(LDAPException.class, () -> connection.modify(chloe,
                    new Modification(ModificationType.REPLACE, "sesameSmsConsent", "yes")));
            assertEquals(ResultCode.INVALID_ATTRIBUTE_SYNTAX, notBoolean.getResultCode());
            LDAPException notIa5 = assertThrows(LDAPException.class, () -> connection.modify(chloe,
                    new Modification(ModificationType.REPLACE, "sesameJokerAnswer", "réponse")));
            assertEquals(ResultCode.INVALID_ATTRIBUTE_SYNTAX, notIa5.getResultCode());
        }
        // The hashes of joker answers and tokens are not for anybody to read.
        try (LDAPConnection anonymous = slapd.connect()) {
            SearchResultEntry entry = anonymous.getEntry(chloe, "*");
            assertNull(entry.getAttribute("sesameJokerAnswer"));
            assertNull(entry.getAttribute("sesameToken"));
            assertEquals("Nom de mon premier chat ?", entry.getAttributeValue("sesameJokerQuestion"));
        }
    }

    @Test
    void aPersonChangesTheirOwnPassword(Slapd slapd) throws Exception {
        String hugo = "uid=10000006,ou=people,dc=univ-demo,dc=fr";
        String hash = "{CRYPT}" + org.apache.commons.codec.digest.Crypt.crypt("Nouveau-Mot-2026!",
                "$6$rounds=5000$" + "hugoSalt2026xyz$");
        try (LDAPConnection connection = slapd.connect()) {
            connection.bind(hugo, DEMO_PASSWORD);
            connection.modify(hugo, new Modification(ModificationType.REPLACE, "userPassword", hash));
        }
        try (LDAPConnection connection = slapd.connect()) {
            assertEquals(ResultCode.SUCCESS, connection.bind(hugo, "Nouveau-Mot-2026!").getResultCode());
        }
    }

    @Test
    void argon2PasswordsAreVerifiedOnceTheModuleIsLoaded(Slapd slapd) throws Exception {
        String david = "uid=10000004,ou=people,dc=univ-demo,dc=fr";
        try (LDAPConnection admin = slapd.connectAsAdmin()) {
            admin.modify(david, new Modification(ModificationType.REPLACE, "userPassword",
                    "{ARGON2}" + argon2id("Mot-de-passe-2026!")));
        }
        try (LDAPConnection connection = slapd.connect()) {
            assertEquals(ResultCode.SUCCESS, connection.bind(david, "Mot-de-passe-2026!").getResultCode());
        }
        try (LDAPConnection connection = slapd.connect()) {
            LDAPException e = assertThrows(LDAPException.class, () -> connection.bind(david, "Mot-de-passe-2025!"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        }
    }

    @Test
    void helpRequestsCanBeFiled(Slapd slapd) throws Exception {
        String dn = "sesameRequestId=7f3c2a,ou=help-requests," + slapd.baseDn();
        try (LDAPConnection connection = slapd.connectAsAdmin()) {
            connection.add(dn, List.of(
                    new Attribute("objectClass", "top", "sesameHelpRequest"),
                    new Attribute("sesameRequestId", "7f3c2a"),
                    new Attribute("sesameRequestState", "open"),
                    new Attribute("cn", "Alice Martin"),
                    new Attribute("mail", "alice.martin@perso.example.org"),
                    new Attribute("description", "Je n'ai jamais reçu le courriel d'activation.")));
            SearchResultEntry request = connection.getEntry(dn);
            assertEquals("open", request.getAttributeValue("sesameRequestState"));
            LDAPException noId = assertThrows(LDAPException.class, () -> connection.add(
                    "cn=x,ou=help-requests," + slapd.baseDn(),
                    List.of(new Attribute("objectClass", "top", "sesameHelpRequest"), new Attribute("cn", "x"))));
            assertEquals(ResultCode.OBJECT_CLASS_VIOLATION, noId.getResultCode());
        }
    }

    @Test
    void theServiceAccountHasWhatTheReadmeGrants(Slapd slapd) throws Exception {
        String alice = "uid=10000001,ou=people,dc=univ-demo,dc=fr";
        String answer = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdC1hbGljZQ$aGFzaC1hbGljZQ";
        String password = "{CRYPT}" + org.apache.commons.codec.digest.Crypt.crypt("Premier-Mot-2026!",
                "$6$rounds=5000$aliceSalt2026xy$");
        try (LDAPConnection service = slapd.connectAsService()) {
            // Activation: password, joker, consents, dates, personal email, mobile.
            service.modify(alice,
                    new Modification(ModificationType.REPLACE, "userPassword", password),
                    new Modification(ModificationType.REPLACE, "sesameJokerQuestion", "Ville de naissance ?"),
                    new Modification(ModificationType.REPLACE, "sesameJokerAnswer", answer),
                    new Modification(ModificationType.REPLACE, "sesameActivatedAt", "20260105100000Z"),
                    new Modification(ModificationType.REPLACE, "sesameCharterAcceptedAt", "20260105100000Z"),
                    new Modification(ModificationType.REPLACE, "sesamePhotoConsent", "FALSE"),
                    new Modification(ModificationType.REPLACE, "supannMailPerso", "alice@perso.example.org"),
                    new Modification(ModificationType.REPLACE, "mobile", "+33 6 12 34 56 78"),
                    new Modification(ModificationType.REPLACE, "supannConsentement", "{APPLI:SESAME}CGU"));
            SearchResultEntry read = service.getEntry(alice, "sesameJokerAnswer", "userPassword", "sn");
            assertEquals(answer, read.getAttributeValue("sesameJokerAnswer"));
            assertEquals(password, read.getAttributeValue("userPassword"));
            assertEquals("Martin", read.getAttributeValue("sn"));
            // The rest of the entry is read-only for the portal.
            LDAPException sn = assertThrows(LDAPException.class, () -> service.modify(alice,
                    new Modification(ModificationType.REPLACE, "sn", "Durand")));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, sn.getResultCode());
            // Help requests.
            service.add("sesameRequestId=a1b2c3,ou=help-requests," + slapd.baseDn(), List.of(
                    new Attribute("objectClass", "top", "sesameHelpRequest"),
                    new Attribute("sesameRequestId", "a1b2c3"),
                    new Attribute("sesameRequestState", "open"),
                    new Attribute("cn", "David Leroy")));
            LDAPException elsewhere = assertThrows(LDAPException.class, () -> service.add(
                    "sesameRequestId=zz,ou=groups," + slapd.baseDn(), List.of(
                            new Attribute("objectClass", "top", "sesameHelpRequest"),
                            new Attribute("sesameRequestId", "zz"))));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, elsewhere.getResultCode());
        }
        // Alice signs in with the password the portal wrote, and cannot read her own joker answer hash.
        try (LDAPConnection self = slapd.connectAs(alice, "Premier-Mot-2026!")) {
            SearchResultEntry mine = self.getEntry(alice, "*");
            assertNull(mine.getAttribute("sesameJokerAnswer"));
            assertEquals("Ville de naissance ?", mine.getAttributeValue("sesameJokerQuestion"));
        }
    }

    @Test
    void indexesOfTheReadmeAreConfigured(Slapd slapd) {
        String config = slapd.searchConfig(slapd.databaseDn(), "olcDbIndex");
        for (String index : List.of("supannAliasLogin eq", "uid eq", "supannEtuId eq", "supannCodeINE eq",
                "supannEmpId eq", "supannMailPerso eq", "mail eq", "sesameAlias eq", "cn eq,sub", "sn eq,sub",
                "givenName eq,sub", "displayName eq,sub", "member eq", "objectClass eq", "sesameSecurityEvent sub")) {
            assertTrue(config.contains("olcDbIndex: " + index + "\n"), index + " missing in\n" + config);
        }
        String modules = slapd.searchConfig("cn=config", "olcModuleLoad");
        assertTrue(modules.contains("argon2"), modules);
    }

    private static String escape(String value) {
        return com.unboundid.ldap.sdk.Filter.encodeValue(value);
    }

    /** A PHC-format Argon2id hash, as the portal writes it. */
    private static String argon2id(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(19_456).withIterations(2)
                .withParallelism(1).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=19456,t=2,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
