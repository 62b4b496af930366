package fr.sesame.recovery;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.EmbeddedDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The reset link's writes on the embedded UnboundID directory. */
class ResetByLinkWritesTest extends ResetByLinkWrites {

    private EmbeddedDirectory directory;

    @BeforeEach
    void startDirectory() {
        directory = EmbeddedDirectory.start(0);
    }

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Override
    protected LDAPInterface admin() {
        return directory.server();
    }

    @Override
    protected DirectorySettings settings() {
        return directory.settings();
    }

    @Override
    protected LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.1", directory.port());
    }
}
