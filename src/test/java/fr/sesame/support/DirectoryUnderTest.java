package fr.sesame.support;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.EmbeddedDirectory;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The directory a flow's write tests run on, so that one abstract test base per flow runs on the embedded directory
 * and on a real slapd alike: the base holds it in a {@code @RegisterExtension} field and each concrete class only
 * says which directory. Before each test it opens the directory and an administrator's connection to it; the
 * portal's services start on first use; after the test it closes all it opened.
 */
public abstract class DirectoryUnderTest implements BeforeEachCallback, AfterEachCallback {

    private FlowServices services;

    /** A fresh embedded UnboundID directory for each test. */
    public static DirectoryUnderTest embedded() {
        return new Embedded();
    }

    /**
     * The test class's slapd (from {@link Slapd.Extension}), which outlives each test: each test works on people of
     * its own.
     */
    public static DirectoryUnderTest on(Slapd slapd) {
        return new OnSlapd(() -> slapd, false);
    }

    /**
     * A fresh slapd for each test, stopped after it; a test method may take it as a {@code Slapd} parameter, e.g. to
     * change its configuration.
     */
    public static DirectoryUnderTest onNewSlapdForEachTest() {
        return new OnSlapd(Slapd::start, true);
    }

    /** The directory as the test's administrator: to add people and look at entries. */
    public abstract LDAPInterface admin();

    /** How the portal's services reach the directory. */
    public abstract DirectorySettings settings();

    /** A new unauthenticated connection to the directory, for a simple bind as any campus service does it. */
    public abstract LDAPConnection connect() throws LDAPException;

    /** The portal's services on this directory, started on first use in a test and closed after it. */
    public FlowServices services() {
        if (services == null) {
            services = new FlowServices(settings());
        }
        return services;
    }

    @Override
    public final void beforeEach(ExtensionContext context) throws LDAPException {
        open();
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        try {
            if (services != null) {
                services.close();
                services = null;
            }
        } finally {
            close();
        }
    }

    abstract void open() throws LDAPException;

    abstract void close();

    private static final class Embedded extends DirectoryUnderTest {

        private EmbeddedDirectory directory;

        @Override
        void open() {
            directory = EmbeddedDirectory.start(0);
        }

        @Override
        void close() {
            directory.close();
        }

        @Override
        public LDAPInterface admin() {
            return directory.server();
        }

        @Override
        public DirectorySettings settings() {
            return directory.settings();
        }

        @Override
        public LDAPConnection connect() throws LDAPException {
            return new LDAPConnection("127.0.0.1", directory.port());
        }
    }

    /** A slapd, reached as its root DN for the administrator and as the portal's service account for the services. */
    private static final class OnSlapd extends DirectoryUnderTest implements ParameterResolver {

        private final Supplier<Slapd> slapdForATest;
        private final boolean slapdOfEachTest;
        private Slapd slapd;
        private LDAPConnection admin;

        OnSlapd(Supplier<Slapd> slapdForATest, boolean slapdOfEachTest) {
            this.slapdForATest = slapdForATest;
            this.slapdOfEachTest = slapdOfEachTest;
        }

        @Override
        void open() throws LDAPException {
            slapd = slapdForATest.get();
            admin = slapd.connectAsAdmin();
        }

        @Override
        void close() {
            try {
                admin.close();
            } finally {
                if (slapdOfEachTest) {
                    slapd.close();
                }
            }
        }

        @Override
        public LDAPInterface admin() {
            return admin;
        }

        @Override
        public DirectorySettings settings() {
            return slapd.serviceSettings();
        }

        @Override
        public LDAPConnection connect() throws LDAPException {
            return slapd.connect();
        }

        /** Only the slapd of each test: the class's one is injected by {@link Slapd.Extension}. */
        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return slapdOfEachTest && parameterContext.getParameter().getType() == Slapd.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return slapd;
        }
    }
}
