package fr.sesame.helpdesk;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.support.FlowServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The helpdesk's writes, and the admin view of them, on the embedded UnboundID directory. */
class HelpdeskWritesTest extends HelpdeskWrites {

    private EmbeddedDirectory directory;
    private FlowServices services;

    @BeforeEach
    void start() {
        directory = EmbeddedDirectory.start(0);
        services = new FlowServices(directory.settings());
    }

    @AfterEach
    void stop() {
        services.close();
        directory.close();
    }

    @Override
    protected LDAPInterface admin() {
        return directory.server();
    }

    @Override
    protected FlowServices services() {
        return services;
    }

    @Override
    protected LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.1", directory.port());
    }
}
