package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import fr.sesame.support.Binds;
import org.junit.jupiter.api.Test;

class EmbeddedDirectoryTest {

    @Test
    void aSecondNodeCanShareTheDemoDirectoryWithTheManagerPasswordChosenForIt() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start(0, "chosen-for-two-nodes")) {
            Binds.Connector connector = () -> new LDAPConnection("127.0.0.1", directory.port());

            assertTrue(Binds.succeed(connector, EmbeddedDirectory.MANAGER_DN, "chosen-for-two-nodes"));
            assertFalse(Binds.succeed(connector, EmbeddedDirectory.MANAGER_DN, "another"));
            assertEquals("chosen-for-two-nodes", directory.settings().bindPassword());
        }
    }
}
