package fr.sesame.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassType;

/**
 * The OpenLDAP form ({@code ldap-schema/openldap/}) and the 389-DS form ({@code ldap-schema/389ds/}) define the
 * same things, and these are the documented ones: the Sésame table of the README, and the official OIDs of the
 * eduPerson/SCHAC/SupAnn subset.
 */
class SchemaFormsAgreeTest {

    private static final String DIRECTORY_STRING = "1.3.6.1.4.1.1466.115.121.1.15";
    private static final String IA5_STRING = "1.3.6.1.4.1.1466.115.121.1.26";
    private static final String BOOLEAN = "1.3.6.1.4.1.1466.115.121.1.7";
    private static final String GENERALIZED_TIME = "1.3.6.1.4.1.1466.115.121.1.24";

    @Test
    void supannSubsetIsTheSameInBothForms() throws Exception {
        assertSame(SchemaFiles.openLdap("01-supann-subset.ldif"), SchemaFiles.ds389("60supann-subset.ldif"));
    }

    @Test
    void sesameSchemaIsTheSameInBothForms() throws Exception {
        assertSame(SchemaFiles.openLdap("02-sesame.ldif"), SchemaFiles.ds389("61sesame.ldif"));
    }

    @Test
    void openLdapFilesAreSchemaEntriesOfCnConfig() throws Exception {
        List<Entry> subset = SchemaFiles.entries(SchemaFiles.file("openldap/01-supann-subset.ldif"));
        assertEquals(3, subset.size(), "eduPerson, SCHAC and SupAnn, each its own entry");
        List<Entry> sesame = SchemaFiles.entries(SchemaFiles.file("openldap/02-sesame.ldif"));
        assertEquals(1, sesame.size());
        assertEquals("cn=sesame,cn=schema,cn=config", sesame.get(0).getDN());
        for (Entry entry : concat(subset, sesame)) {
            assertTrue(entry.getParsedDN().getParent().toString().equals("cn=schema,cn=config"), entry.getDN());
            assertTrue(entry.hasObjectClass("olcSchemaConfig"), entry.getDN());
            assertEquals(entry.getRDN().getAttributeValues()[0], entry.getAttributeValue("cn"), entry.getDN());
        }
        for (String name : List.of("389ds/60supann-subset.ldif", "389ds/61sesame.ldif")) {
            List<Entry> entries = SchemaFiles.entries(SchemaFiles.file(name));
            assertEquals(1, entries.size(), name);
            assertEquals("cn=schema", entries.get(0).getDN(), name);
        }
    }

    @Test
    void sesameSchemaIsTheDocumentedOne() throws Exception {
        SchemaFiles.Definitions sesame = SchemaFiles.openLdap("02-sesame.ldif");
        // N, name, syntax, equality, ordering, substring, single-valued
        Object[][] expected = {
            {1, "sesameJokerQuestion", DIRECTORY_STRING, "caseIgnoreMatch", null, null, true},
            {2, "sesameJokerAnswer", IA5_STRING, "caseExactIA5Match", null, null, true},
            {3, "sesamePasswordHistory", IA5_STRING, "caseExactIA5Match", null, null, false},
            {4, "sesameSmsConsent", BOOLEAN, "booleanMatch", null, null, true},
            {5, "sesamePhotoConsent", BOOLEAN, "booleanMatch", null, null, true},
            {6, "sesameCharterAcceptedAt", GENERALIZED_TIME, "generalizedTimeMatch", "generalizedTimeOrderingMatch",
                null, true},
            {7, "sesameActivatedAt", GENERALIZED_TIME, "generalizedTimeMatch", "generalizedTimeOrderingMatch", null,
                true},
            {8, "sesameToken", IA5_STRING, "caseExactIA5Match", null, null, false},
            {9, "sesamePendingMail", IA5_STRING, "caseIgnoreIA5Match", null, null, true},
            {10, "sesameFailure", IA5_STRING, "caseExactIA5Match", null, null, false},
            {11, "sesameLockedUntil", GENERALIZED_TIME, "generalizedTimeMatch", "generalizedTimeOrderingMatch", null,
                true},
            {12, "sesameMustChangePassword", BOOLEAN, "booleanMatch", null, null, true},
            {13, "sesameTemporaryPasswordExpiry", GENERALIZED_TIME, "generalizedTimeMatch",
                "generalizedTimeOrderingMatch", null, true},
            {14, "sesamePasswordChangedAt", GENERALIZED_TIME, "generalizedTimeMatch", "generalizedTimeOrderingMatch",
                null, true},
            {15, "sesameSelfServiceDisabled", BOOLEAN, "booleanMatch", null, null, true},
            {16, "sesameJokerResetRequired", BOOLEAN, "booleanMatch", null, null, true},
            {17, "sesameAlias", DIRECTORY_STRING, "caseIgnoreMatch", null, "caseIgnoreSubstringsMatch", true},
            {18, "sesameSecurityEvent", DIRECTORY_STRING, "caseExactMatch", null, "caseExactSubstringsMatch", false},
            {19, "sesameRequestState", DIRECTORY_STRING, "caseIgnoreMatch", null, null, true},
            {20, "sesameRequestId", IA5_STRING, "caseExactIA5Match", null, null, true},
        };
        assertEquals(expected.length, sesame.attributeTypes().size());
        List<String> accountAttributes = new ArrayList<>();
        for (Object[] row : expected) {
            String oid = SchemaFiles.SESAME_ARC + ".1." + row[0];
            AttributeTypeDefinition definition = sesame.attributeTypes().get(oid);
            assertNotNull(definition, "no attribute type " + oid);
            assertEquals(List.of(row[1]), Arrays.asList(definition.getNames()), oid);
            assertEquals(row[2], definition.getSyntaxOID(), row[1] + " syntax");
            assertEquals(row[3], definition.getEqualityMatchingRule(), row[1] + " equality");
            assertEquals(row[4], definition.getOrderingMatchingRule(), row[1] + " ordering");
            assertEquals(row[5], definition.getSubstringMatchingRule(), row[1] + " substring");
            assertEquals(row[6], definition.isSingleValued(), row[1] + " single-valued");
            assertNotNull(definition.getDescription(), row[1] + " has no DESC");
            assertTrue(definition.getDescription().length() > 15, row[1] + " DESC says too little");
            if ((Integer) row[0] <= 18) {
                accountAttributes.add((String) row[1]);
            }
        }

        ObjectClassDefinition account = sesame.objectClasses().get(SchemaFiles.SESAME_ARC + ".2.1");
        assertNotNull(account);
        assertEquals("sesameAccount", account.getNameOrOID());
        assertEquals(ObjectClassType.AUXILIARY, account.getObjectClassType());
        assertEquals(Set.of("top"), Set.of(account.getSuperiorClasses()));
        assertEquals(0, account.getRequiredAttributes().length);
        assertEquals(accountAttributes, Arrays.asList(account.getOptionalAttributes()));

        ObjectClassDefinition request = sesame.objectClasses().get(SchemaFiles.SESAME_ARC + ".2.2");
        assertNotNull(request);
        assertEquals("sesameHelpRequest", request.getNameOrOID());
        assertEquals(ObjectClassType.STRUCTURAL, request.getObjectClassType());
        assertEquals(Set.of("top"), Set.of(request.getSuperiorClasses()));
        assertEquals(List.of("sesameRequestId"), Arrays.asList(request.getRequiredAttributes()));
        assertEquals(List.of("cn", "mail", "description", "sesameRequestState", "sesameSecurityEvent"),
                Arrays.asList(request.getOptionalAttributes()));
        assertEquals(2, sesame.objectClasses().size());
    }

    @Test
    void subsetUsesTheOfficialOids() throws Exception {
        SchemaFiles.Definitions subset = SchemaFiles.openLdap("01-supann-subset.ldif");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("eduPersonAffiliation", "1.3.6.1.4.1.5923.1.1.1.1");
        expected.put("eduPersonPrimaryAffiliation", "1.3.6.1.4.1.5923.1.1.1.5");
        expected.put("eduPersonPrincipalName", "1.3.6.1.4.1.5923.1.1.1.6");
        expected.put("schacDateOfBirth", "1.3.6.1.4.1.25178.1.2.3");
        expected.put("supannListeRouge", "1.3.6.1.4.1.7135.1.2.1.1");
        expected.put("supannCivilite", "1.3.6.1.4.1.7135.1.2.1.4");
        expected.put("supannCodeINE", "1.3.6.1.4.1.7135.1.2.1.9");
        expected.put("supannEtuId", "1.3.6.1.4.1.7135.1.2.1.10");
        expected.put("supannEmpId", "1.3.6.1.4.1.7135.1.2.1.11");
        expected.put("supannEtablissement", "1.3.6.1.4.1.7135.1.2.1.14");
        expected.put("supannMailPerso", "1.3.6.1.4.1.7135.1.2.1.15");
        expected.put("supannAliasLogin", "1.3.6.1.4.1.7135.1.2.1.20");
        expected.put("supannOIDCDateDeNaissance", "1.3.6.1.4.1.7135.1.2.1.40");
        expected.put("supannRessourceEtatDate", "1.3.6.1.4.1.7135.1.2.1.54");
        expected.put("supannRessourceEtat", "1.3.6.1.4.1.7135.1.2.1.55");
        expected.put("supannConsentement", "1.3.6.1.4.1.7135.1.2.1.62");
        Map<String, String> actual = subset.attributeTypes().values().stream()
                .collect(Collectors.toMap(AttributeTypeDefinition::getNameOrOID, AttributeTypeDefinition::getOID,
                        (a, b) -> a, LinkedHashMap::new));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
        }
        // SupAnn: exactly the attributes Sésame uses. eduPerson 202111 complete (16), SCHAC personal
        // characteristics complete (8), all on their official arcs.
        Map<String, Long> perArc = actual.values().stream().collect(Collectors.groupingBy(
                oid -> oid.substring(0, oid.lastIndexOf('.')), Collectors.counting()));
        assertEquals(Map.of("1.3.6.1.4.1.5923.1.1.1", 16L, "1.3.6.1.4.1.25178.1.2", 8L,
                "1.3.6.1.4.1.7135.1.2.1", 12L), perArc);
        assertEquals(expected.keySet().stream().filter(name -> name.startsWith("supann")).collect(Collectors.toSet()),
                actual.keySet().stream().filter(name -> name.startsWith("supann")).collect(Collectors.toSet()));

        Map<String, String> classes = subset.objectClasses().values().stream()
                .collect(Collectors.toMap(ObjectClassDefinition::getNameOrOID, ObjectClassDefinition::getOID));
        assertEquals(Map.of("eduPerson", "1.3.6.1.4.1.5923.1.1.2",
                "schacPersonalCharacteristics", "1.3.6.1.4.1.25178.1.1.1",
                "supannPerson", "1.3.6.1.4.1.7135.1.2.2.1"), classes);
        for (ObjectClassDefinition definition : subset.objectClasses().values()) {
            assertEquals(ObjectClassType.AUXILIARY, definition.getObjectClassType(), definition.getNameOrOID());
            for (String may : definition.getOptionalAttributes()) {
                assertTrue(actual.containsKey(may), definition.getNameOrOID() + " allows undefined " + may);
            }
        }
        // Every attribute defined here is allowed by the class of its schema.
        Set<String> allowed = subset.objectClasses().values().stream()
                .flatMap(definition -> Arrays.stream(definition.getOptionalAttributes()))
                .collect(Collectors.toSet());
        assertEquals(actual.keySet(), allowed);
    }

    @Test
    void noClearTextPasswordInAnyFile() throws Exception {
        try (var files = Files.walk(SchemaFiles.dir())) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains("Rentree-2026!"), file + " holds the demo password in clear");
                for (String line : text.split("\n")) {
                    if (line.regionMatches(true, 0, "userPassword:", 0, 13) && !line.startsWith("userPassword::")) {
                        assertTrue(line.substring(13).trim().startsWith("{"), file + ": " + line);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertSame(SchemaFiles.Definitions openLdap, SchemaFiles.Definitions ds389) {
        assertFalse(openLdap.attributeTypes().isEmpty());
        assertEquals(new TreeSet<>(openLdap.attributeTypes().keySet()), new TreeSet<>(ds389.attributeTypes().keySet()),
                "attribute type OIDs");
        assertEquals(new TreeSet<>(openLdap.objectClasses().keySet()), new TreeSet<>(ds389.objectClasses().keySet()),
                "object class OIDs");
        for (var e : openLdap.attributeTypes().entrySet()) {
            AttributeTypeDefinition a = e.getValue();
            AttributeTypeDefinition b = ds389.attributeTypes().get(e.getKey());
            String what = a.getNameOrOID();
            assertEquals(Arrays.asList(a.getNames()), Arrays.asList(b.getNames()), what + " names");
            assertEquals(a.getDescription(), b.getDescription(), what + " DESC");
            assertEquals(a.getSuperiorType(), b.getSuperiorType(), what + " SUP");
            assertEquals(a.getSyntaxOID(), b.getSyntaxOID(), what + " SYNTAX");
            assertEquals(a.getEqualityMatchingRule(), b.getEqualityMatchingRule(), what + " EQUALITY");
            assertEquals(a.getOrderingMatchingRule(), b.getOrderingMatchingRule(), what + " ORDERING");
            assertEquals(a.getSubstringMatchingRule(), b.getSubstringMatchingRule(), what + " SUBSTR");
            assertEquals(a.isSingleValued(), b.isSingleValued(), what + " SINGLE-VALUE");
            assertEquals(a.getUsage(), b.getUsage(), what + " USAGE");
            assertNotNull(b.getExtensions().get("X-ORIGIN"), what + " has no X-ORIGIN in the 389-DS form");
        }
        for (var e : openLdap.objectClasses().entrySet()) {
            ObjectClassDefinition a = e.getValue();
            ObjectClassDefinition b = ds389.objectClasses().get(e.getKey());
            String what = a.getNameOrOID();
            assertEquals(Arrays.asList(a.getNames()), Arrays.asList(b.getNames()), what + " names");
            assertEquals(a.getDescription(), b.getDescription(), what + " DESC");
            assertEquals(a.getObjectClassType(), b.getObjectClassType(), what + " kind");
            assertEquals(Set.of(a.getSuperiorClasses()), Set.of(b.getSuperiorClasses()), what + " SUP");
            assertEquals(Arrays.asList(a.getRequiredAttributes()), Arrays.asList(b.getRequiredAttributes()),
                    what + " MUST");
            assertEquals(Arrays.asList(a.getOptionalAttributes()), Arrays.asList(b.getOptionalAttributes()),
                    what + " MAY");
            assertNotNull(b.getExtensions().get("X-ORIGIN"), what + " has no X-ORIGIN in the 389-DS form");
        }
    }

    private static List<Entry> concat(List<Entry> a, List<Entry> b) {
        List<Entry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
