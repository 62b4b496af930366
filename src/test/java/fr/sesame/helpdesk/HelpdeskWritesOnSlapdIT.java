package fr.sesame.helpdesk;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import fr.sesame.support.FlowServices;
import fr.sesame.support.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The helpdesk's writes, and the admin view of them, on a real OpenLDAP slapd loaded with ldap-schema/ (schema,
 * indexes, access rules) as an administrator would. One slapd for the class (each test works on people and an
 * agent of its own), fresh services and mail server for each test.
 */
@ExtendWith(Slapd.Extension.class)
class HelpdeskWritesOnSlapdIT extends HelpdeskWrites {

    private Slapd slapd;
    private LDAPConnection admin;
    private FlowServices services;

    @BeforeEach
    void start(Slapd slapd) throws LDAPException {
        this.slapd = slapd;
        admin = slapd.connectAsAdmin();
        services = new FlowServices(slapd.serviceSettings());
    }

    @AfterEach
    void stop() {
        services.close();
        admin.close();
    }

    @Override
    protected LDAPInterface admin() {
        return admin;
    }

    @Override
    protected FlowServices services() {
        return services;
    }

    @Override
    protected LDAPConnection connect() throws LDAPException {
        return slapd.connect();
    }
}
