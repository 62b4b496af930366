package fr.sesame.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The demo directory: an UnboundID in-memory server loaded from the very schema files directory
 * administrators install ({@code ldap-schema/389ds/}) and the demo people ({@code ldap-schema/demo/}).
 * Passwords written to it in clear are stored hashed, and hashed ones are verified on bind, like a real
 * directory. Its content lives only as long as the portal: it is for trying Sésame out, never for use.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=univ-demo,dc=fr";
    public static final String MANAGER_DN = "cn=Directory Manager";
    static final List<String> SCHEMA_FILES =
            List.of("ldap-schema/389ds/60supann-subset.ldif", "ldap-schema/389ds/61sesame.ldif");
    static final String DEMO_DATA = "ldap-schema/demo/demo-data.ldif";
    /**
     * The equality indexes of {@code ldap-schema/openldap/03-indexes.ldif}: without them every identification
     * scans every entry, which takes seconds once the directory holds tens of thousands of people.
     */
    static final List<String> EQUALITY_INDEXES = List.of("uid", "supannAliasLogin", "supannEtuId", "supannCodeINE",
            "supannEmpId", "supannMailPerso", "mail", "sesameAlias", "member");

    private final InMemoryDirectoryServer server;
    private final String managerPassword;

    private EmbeddedDirectory(InMemoryDirectoryServer server, String managerPassword) {
        this.server = server;
        this.managerPassword = managerPassword;
    }

    /** Starts a directory on 127.0.0.1 ({@code port} 0: any free port) holding the demo data. */
    public static EmbeddedDirectory start(int port) {
        return start(port, Optional.empty(), Optional.empty());
    }

    /**
     * Starts a directory holding the demo data and then the entries of {@code morePeople} (an LDIF file such as
     * {@code ldap-schema/tools/GeneratePeople.java} writes), each checked against the schema. Its manager has
     * {@code managerPassword} if given, so that a second portal node can share the demo directory of the first
     * (payara-config/README.md, "Two nodes"), else a random one.
     */
    public static EmbeddedDirectory start(int port, Optional<Path> morePeople, Optional<String> managerPassword) {
        String password = managerPassword.orElseGet(EmbeddedDirectory::randomPassword);
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setSchema(schema());
            config.addAdditionalBindCredentials(MANAGER_DN, password);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getByName("127.0.0.1"), port, null));
            config.setPasswordEncoders(new CryptPasswordEncoder(), new Argon2PasswordEncoder());
            config.setEnforceAttributeSyntaxCompliance(true);
            config.setEqualityIndexAttributes(EQUALITY_INDEXES);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (LDIFReader reader = new LDIFReader(resource(DEMO_DATA))) {
                server.importFromLDIF(true, reader);
            }
            if (morePeople.isPresent()) {
                try (LDIFReader reader = new LDIFReader(morePeople.get().toFile())) {
                    server.importFromLDIF(false, reader);
                }
            }
            server.startListening();
            return new EmbeddedDirectory(server, password);
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("The embedded directory could not start", e);
        }
    }

    private static String randomPassword() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().encodeToString(secret);
    }

    /** The schema the embedded server checks entries against: standard schema plus {@code ldap-schema/389ds}. */
    public static Schema schema() throws IOException {
        List<Schema> schemas = new ArrayList<>();
        try {
            schemas.add(Schema.getDefaultStandardSchema());
        } catch (LDAPException e) {
            throw new IOException("Cannot read the standard schema", e);
        }
        for (String file : SCHEMA_FILES) {
            try (InputStream in = resource(file)) {
                schemas.add(Schema.getSchema(in));
            } catch (LDIFException e) {
                throw new IOException("Invalid schema file " + file, e);
            }
        }
        return Schema.mergeSchemas(schemas.toArray(Schema[]::new));
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = EmbeddedDirectory.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("Missing resource " + path + " (built from ldap-schema/)");
        }
        return in;
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** The settings that point the portal's pools at this directory, as its manager. */
    public DirectorySettings settingsFor(DirectorySettings configured) {
        return configured.pointedAt(List.of(url()), MANAGER_DN, managerPassword);
    }

    /** Settings to reach this directory as its manager, with the demo tree's bases and small timeouts. */
    public DirectorySettings settings() {
        return new DirectorySettings(List.of(url()), LdapSecurity.NONE, java.util.Optional.empty(), "", "PKCS12",
                MANAGER_DN, managerPassword, "ou=people," + BASE_DN, "(objectClass=inetOrgPerson)",
                "ou=groups," + BASE_DN, 4, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(2));
    }

    /** For tests: direct access to the server (snapshots, LDIF import, assertions). */
    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
