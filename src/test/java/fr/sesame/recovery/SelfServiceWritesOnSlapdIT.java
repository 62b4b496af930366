package fr.sesame.recovery;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import fr.sesame.support.FlowServices;
import fr.sesame.support.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The self-service writes on a real OpenLDAP slapd, loaded with ldap-schema/ as an administrator would. */
class SelfServiceWritesOnSlapdIT extends SelfServiceWrites {

    private Slapd slapd;
    private LDAPConnection admin;
    private FlowServices services;

    @BeforeEach
    void start() throws LDAPException {
        slapd = Slapd.start();
        admin = slapd.connectAsAdmin();
        services = new FlowServices(slapd.serviceSettings());
    }

    @AfterEach
    void stop() {
        services.close();
        admin.close();
        slapd.close();
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
