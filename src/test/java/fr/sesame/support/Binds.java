package fr.sesame.support;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/** Whether a password works, asked the way every service on campus asks: a simple bind on a new connection. */
public final class Binds {

    /** Opens a new connection to the directory under test. */
    @FunctionalInterface
    public interface Connector {
        LDAPConnection connect() throws LDAPException;
    }

    private Binds() {}

    public static boolean succeed(Connector directory, String dn, String password) throws LDAPException {
        try (LDAPConnection connection = directory.connect()) {
            return connection.bind(dn, password).getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }
}
