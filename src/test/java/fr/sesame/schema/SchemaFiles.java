package fr.sesame.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

import fr.sesame.support.Slapd;

/** Reads the schema files of {@code ldap-schema/} for the tests. */
final class SchemaFiles {

    static final String SESAME_ARC = "2.25.229956706802819547228700869920439630281";

    private SchemaFiles() {
    }

    static Path dir() {
        return Slapd.projectDir().resolve("ldap-schema");
    }

    static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Missing " + file);
        }
        return file;
    }

    /** All entries of an LDIF file (change records are not expected in schema files). */
    static List<Entry> entries(Path ldif) throws IOException, LDIFException {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Definitions of one form (OpenLDAP: olcAttributeTypes/olcObjectClasses; 389-DS: attributeTypes/objectClasses). */
    record Definitions(Map<String, AttributeTypeDefinition> attributeTypes,
            Map<String, ObjectClassDefinition> objectClasses) {
    }

    static Definitions openLdap(String... files) throws Exception {
        return read("olcAttributeTypes", "olcObjectClasses", "openldap/", files);
    }

    static Definitions ds389(String... files) throws Exception {
        return read("attributeTypes", "objectClasses", "389ds/", files);
    }

    private static Definitions read(String atName, String ocName, String folder, String... files)
            throws IOException, LDIFException, LDAPException {
        Map<String, AttributeTypeDefinition> attributeTypes = new LinkedHashMap<>();
        Map<String, ObjectClassDefinition> objectClasses = new LinkedHashMap<>();
        for (String name : files) {
            for (Entry entry : entries(file(folder + name))) {
                Attribute ats = entry.getAttribute(atName);
                if (ats != null) {
                    for (String value : ats.getValues()) {
                        AttributeTypeDefinition definition = new AttributeTypeDefinition(value);
                        if (attributeTypes.put(definition.getOID(), definition) != null) {
                            throw new AssertionError("OID defined twice: " + definition.getOID());
                        }
                    }
                }
                Attribute ocs = entry.getAttribute(ocName);
                if (ocs != null) {
                    for (String value : ocs.getValues()) {
                        ObjectClassDefinition definition = new ObjectClassDefinition(value);
                        if (objectClasses.put(definition.getOID(), definition) != null) {
                            throw new AssertionError("OID defined twice: " + definition.getOID());
                        }
                    }
                }
            }
        }
        return new Definitions(attributeTypes, objectClasses);
    }

    /** The embedded directory's schema: UnboundID's standard schema merged with {@code ldap-schema/389ds/*.ldif}. */
    static Schema embeddedSchema() throws Exception {
        return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(
                file("389ds/60supann-subset.ldif").toFile(), file("389ds/61sesame.ldif").toFile()));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
