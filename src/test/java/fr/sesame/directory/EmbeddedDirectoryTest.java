package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.config.SesameConfig;
import fr.sesame.support.Binds;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded directory takes more people from an LDIF file ({@code sesame.embedded.people-ldif}), schema-checked. */
class EmbeddedDirectoryTest {

    private static final String PERSON = """
            dn: uid=20000001,ou=people,dc=univ-demo,dc=fr
            objectClass: top
            objectClass: person
            objectClass: organizationalPerson
            objectClass: inetOrgPerson
            objectClass: eduPerson
            objectClass: supannPerson
            objectClass: schacPersonalCharacteristics
            objectClass: sesameAccount
            uid: 20000001
            supannAliasLogin: lea.vidal
            cn: Léa Vidal
            sn: Vidal
            givenName: Léa
            supannEtuId: 22000001
            schacDateOfBirth: 20050412
            """;

    @Test
    void loadsThePeopleOfTheExtraFileAfterTheDemoPeople(@TempDir Path dir) throws Exception {
        Path ldif = Files.writeString(dir.resolve("people.ldif"), PERSON, StandardCharsets.UTF_8);

        try (EmbeddedDirectory directory = EmbeddedDirectory.start(0, Optional.of(ldif), Optional.empty());
                DirectoryConnections connections = DirectoryConnections.open(directory.settings())) {
            PeopleDirectory people = new PeopleDirectory(connections, AttributeMap.defaults());

            assertEquals("lea.vidal", people.findBy(AccountField.STUDENT_NUMBER, "22000001").orElseThrow().login());
            assertTrue(people.findBy(AccountField.LOGIN, "bruno.petit").isPresent(), "the demo people stay");
        }
    }

    @Test
    void refusesAnEntryTheSchemaRefuses(@TempDir Path dir) throws Exception {
        Path ldif = Files.writeString(dir.resolve("bad.ldif"), PERSON + "noSuchAttribute: x\n", StandardCharsets.UTF_8);

        assertThrows(IllegalStateException.class, () -> EmbeddedDirectory.start(0, Optional.of(ldif), Optional.empty()));
    }

    @Test
    void everyIdentifierThePortalLooksUpByEqualityIsIndexed() {
        // Unindexed, each identification scans every entry: 0.3 to 1.3 s per lookup with 50 000 people.
        AttributeMap defaults = AttributeMap.defaults();
        for (AccountField field : List.of(AccountField.LOGIN, AccountField.UID, AccountField.STUDENT_NUMBER,
                AccountField.INE, AccountField.STAFF_NUMBER, AccountField.INSTITUTIONAL_EMAIL,
                AccountField.PERSONAL_EMAIL, AccountField.ALIAS)) {
            assertTrue(EmbeddedDirectory.EQUALITY_INDEXES.contains(defaults.attribute(field)), field.name());
        }
    }

    @Test
    void theSettingNamesTheFileAndCanKeepTheDemoMailServerOff() {
        SesameConfig config = new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(SesameConfig.EMBEDDED, "true",
                        SesameConfig.EMBEDDED_PEOPLE_LDIF, "/data/people.ldif", SesameConfig.EMBEDDED_MAIL, "false"),
                        "test", 500))
                .build());
        SesameConfig defaults = new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(SesameConfig.EMBEDDED, "true"), "test", 500))
                .build());

        assertEquals(Optional.of(Path.of("/data/people.ldif")), config.embeddedPeopleLdif());
        assertEquals(false, config.embeddedMail());
        assertEquals(Optional.empty(), defaults.embeddedPeopleLdif());
        assertEquals(true, defaults.embeddedMail());
    }

    @Test
    void aSecondNodeCanShareTheDemoDirectoryWithTheManagerPasswordChosenForIt() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start(0, Optional.empty(), Optional.of("chosen-for-two-nodes"))) {
            Binds.Connector connector = () -> new LDAPConnection("127.0.0.1", directory.port());

            assertTrue(Binds.succeed(connector, EmbeddedDirectory.MANAGER_DN, "chosen-for-two-nodes"));
            assertFalse(Binds.succeed(connector, EmbeddedDirectory.MANAGER_DN, "another"));
            assertEquals("chosen-for-two-nodes", directory.settings().bindPassword());
        }
    }
}
