package fr.sesame.selfcare;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import fr.sesame.support.FlowServices;
import fr.sesame.support.Slapd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account page's writes on a real OpenLDAP slapd, loaded with ldap-schema/ as an administrator would. One
 * slapd for the class (each test works on a person of its own), fresh services and mail server for each test.
 */
@ExtendWith(Slapd.Extension.class)
class AccountSettingsWritesOnSlapdIT extends AccountSettingsWrites {

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
