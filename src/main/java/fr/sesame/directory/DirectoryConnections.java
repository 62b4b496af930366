package fr.sesame.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * The portal's connections to the directory: one pool bound as the service account for every search and
 * write, and a second, unauthenticated pool used only to check a person's password by a bind (so a
 * person's bind never changes the identity of the service pool). LDAPS or StartTLS, background health checks,
 * timeouts.
 *
 * <p>Failover: new connections go to the first URL that accepts them, in the configured order. A read that
 * fails because its connection broke (the server stopped, or did not answer within the response timeout) is
 * made once more on a new connection. A write is made once more only when its connection was found closed
 * ({@code SERVER_DOWN}), never after a timeout: a server that answered late may have applied it, and sending it
 * again would make a done change look failed. Connections to any server but the first are replaced after {@code failbackAfter}, so the portal
 * writes to one server of a multi-provider pair whenever it can.
 */
public class DirectoryConnections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryConnections.class.getName());

    private final DirectorySettings settings;
    private final LDAPConnectionPool servicePool;
    private final LDAPConnectionPool bindPool;

    /** For CDI's proxy only. */
    protected DirectoryConnections() {
        settings = null;
        servicePool = null;
        bindPool = null;
    }

    private DirectoryConnections(DirectorySettings settings, LDAPConnectionPool servicePool, LDAPConnectionPool bindPool) {
        this.settings = settings;
        this.servicePool = servicePool;
        this.bindPool = bindPool;
    }

    /**
     * Opens the pools. A directory that is down at start-up does not stop the portal: connections are made
     * when the first request needs them, and that request gets a {@link DirectoryUnavailableException}.
     */
    public static DirectoryConnections open(DirectorySettings settings) {
        try {
            ServerSet servers = serverSet(settings);
            PostConnectProcessor startTls = settings.security() == LdapSecurity.STARTTLS
                    ? new StartTLSPostConnectProcessor(sslContext(settings))
                    : null;
            int size = settings.poolSize();
            LDAPConnectionPool service = new LDAPConnectionPool(servers,
                    new SimpleBindRequest(settings.bindDn(), settings.bindPassword()), 1, size, 1, startTls, false,
                    healthCheck(settings));
            configure(service, settings, "sesame-service");
            LDAPConnectionPool binds = new LDAPConnectionPool(servers, null, 0, size, 1, startTls, false,
                    healthCheck(settings));
            configure(binds, settings, "sesame-bind");
            LOG.info(() -> "Directory pools open on " + settings);
            return new DirectoryConnections(settings, service, binds);
        } catch (LDAPException e) {
            throw DirectoryFailures.translate("open the directory connection pools", e);
        }
    }

    /** Searches, as the service account. Code above this package never sees it; writes go through {@link #modify}. */
    LDAPInterface operations() {
        return servicePool;
    }

    /** One LDAP modify as the service account, made once more on a new connection if its connection was closed. */
    void modify(ModifyRequest request) throws LDAPException {
        writeOnceMoreIfClosed(() -> servicePool.modify(request));
    }

    /** One LDAP add as the service account, made once more on a new connection if its connection was closed. */
    void add(Entry entry) throws LDAPException {
        writeOnceMoreIfClosed(() -> servicePool.add(entry));
    }

    private interface Write {
        void send() throws LDAPException;
    }

    private static void writeOnceMoreIfClosed(Write write) throws LDAPException {
        try {
            write.send();
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.SERVER_DOWN) {
                throw e;
            }
            write.send();
        }
    }

    DirectorySettings settings() {
        return settings;
    }

    /**
     * Whether {@code password} is the password of the entry {@code dn}, checked by a simple bind as that
     * entry on a connection of the bind pool. An empty password is refused here (an LDAP bind with one would
     * be an anonymous bind and succeed).
     */
    boolean passwordMatches(String dn, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        LDAPConnection connection;
        try {
            connection = bindPool.getConnection();
        } catch (LDAPException e) {
            throw DirectoryFailures.translate("check a password", e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                connection.bind(new SimpleBindRequest(dn, password));
                bindPool.releaseConnection(connection);
                return true;
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    bindPool.releaseConnection(connection);
                    return false;
                }
                if (attempt > 1 || ResultCode.isConnectionUsable(e.getResultCode())) {
                    bindPool.releaseDefunctConnection(connection);
                    throw DirectoryFailures.translate("check a password", e);
                }
            }
            // The pooled connection broke (its server went away since its last use): check once more on a new
            // one, which the server set opens on the next URL if need be. A bind changes nothing, so a retry is safe.
            try {
                connection = bindPool.replaceDefunctConnection(connection);
            } catch (LDAPException e) {
                throw DirectoryFailures.translate("check a password", e);
            }
        }
    }

    @Override
    public void close() {
        servicePool.close();
        bindPool.close();
    }

    private static void configure(LDAPConnectionPool pool, DirectorySettings settings, String name) {
        pool.setConnectionPoolName(name);
        pool.setCreateIfNecessary(true);
        pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
        pool.setHealthCheckIntervalMillis(settings.healthCheckInterval().toMillis());
        pool.setMaxConnectionAgeMillis(settings.maxConnectionAge().toMillis());
        // Only reads: the pool also counts a response timeout as a broken connection (see modify and add).
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH, OperationType.COMPARE));
    }

    private static GetEntryLDAPConnectionPoolHealthCheck healthCheck(DirectorySettings settings) {
        // Reads the root DSE: on creation, in the background, and after an error, never on each checkout.
        return new GetEntryLDAPConnectionPoolHealthCheck("", settings.responseTimeout().toMillis(), true, false,
                false, false, true, true);
    }

    private static ServerSet serverSet(DirectorySettings settings) throws LDAPException {
        int count = settings.urls().size();
        String[] hosts = new String[count];
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            LDAPURL url = new LDAPURL(settings.urls().get(i));
            boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
            if (ldaps != (settings.security() == LdapSecurity.LDAPS)) {
                throw new IllegalArgumentException("sesame.ldap.urls: use ldaps:// URLs exactly when"
                        + " sesame.ldap.security is ldaps (" + url + ")");
            }
            hosts[i] = url.getHost();
            ports[i] = url.getPort();
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setUseSynchronousMode(false);
        SocketFactory sockets = settings.security() == LdapSecurity.LDAPS
                ? sslContext(settings).getSocketFactory()
                : SocketFactory.getDefault();
        if (settings.security() != LdapSecurity.NONE) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        FailoverServerSet failover = new FailoverServerSet(hosts, ports, sockets, options);
        failover.setMaxFailoverConnectionAgeMillis(settings.failbackAfter().toMillis());
        return failover;
    }

    private static SSLContext sslContext(DirectorySettings settings) {
        try {
            SSLUtil ssl = settings.trustStore()
                    .map(path -> new SSLUtil(new TrustStoreTrustManager(path,
                            settings.trustStorePassword().toCharArray(), settings.trustStoreType(), true)))
                    .orElseGet(SSLUtil::new);
            return ssl.createSSLContext();
        } catch (GeneralSecurityException e) {
            LOG.log(Level.SEVERE, "Cannot build the TLS context for the directory", e);
            throw new IllegalStateException("The directory trust store cannot be used: " + e.getMessage(), e);
        }
    }
}
