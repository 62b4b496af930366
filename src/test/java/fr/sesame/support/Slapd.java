package fr.sesame.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * A real OpenLDAP {@code slapd} for the tests, set up exactly as the README tells an administrator to.
 *
 * <p>{@link #start()} makes a throw-away directory under {@code java.io.tmpdir} (the build points it at
 * {@code target/tmp}), writes a minimal {@code cn=config} with {@code slapadd -n0} (global settings, the
 * {@code back_mdb} module, the core schema, and a config database managed by root and by the current user through
 * {@code ldapi://} peer credentials), starts {@code /usr/sbin/slapd} on a free port of 127.0.0.1 and on a private
 * {@code ldapi://} socket, then, with {@code ldapadd}/{@code ldapmodify -Y EXTERNAL} as an administrator would:
 * {@code ldap-schema/openldap/00-argon2-module.ldif} (so {@code {ARGON2}} passwords verify too), the stock cosine and
 * inetorgperson schemas, {@code ldap-schema/openldap/01-supann-subset.ldif} and {@code 02-sesame.ldif}, a new mdb
 * database for {@code dc=univ-demo,dc=fr} (root DN {@code cn=admin,dc=univ-demo,dc=fr} with a random password
 * stored as {@code {SSHA}}), {@code 03-indexes.ldif} applied to that database, and finally
 * {@code ldap-schema/demo/demo-data.ldif} added as {@code cn=admin}; last, the portal's service account
 * {@code cn=sesame,ou=services,dc=univ-demo,dc=fr} (random password) and the access rules of
 * {@code ldap-schema/openldap/04-access-example.ldif}. {@link #close()} stops slapd and deletes the directory.
 *
 * <p>Access rules of the test database: first those of 04-access-example.ldif (the service account writes
 * {@code userPassword}, the sesame* attributes and what people edit themselves, files help requests, reads the
 * rest; nobody else reads the hashes); then, for everybody else, {@code userPassword} can be written by its owner,
 * used by anonymous to bind, and read by nobody, and everything else can be read by anybody, anonymous included.
 * The root DN bypasses them all.
 *
 * <p>Nothing is ever skipped: if slapd or the ldap-utils are missing, {@link #start()} throws, and the test fails
 * with a message saying what to install.
 *
 * <p>Use either {@code try (Slapd slapd = Slapd.start()) { ... }} or {@code @ExtendWith(Slapd.Extension.class)},
 * which starts one slapd per test class and injects it into any {@code Slapd} parameter (constructor,
 * {@code @BeforeAll}, {@code @BeforeEach}, test methods).
 *
 * <p>{@link #startWithoutEntries()} gives the same configuration with an empty database (the second server of a
 * {@link SlapdPair}); {@link #stop()}, {@link #kill()} and {@link #restart()} take a server away and bring it back
 * on the same port with its data, for failover tests.
 */
public final class Slapd implements AutoCloseable {

    public static final String BASE_DN = "dc=univ-demo,dc=fr";
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    /** The portal's service account, as in ldap-schema/openldap/04-access-example.ldif. */
    public static final String SERVICE_DN = "cn=sesame,ou=services," + BASE_DN;

    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    static final Path LDAPADD = Path.of("/usr/bin/ldapadd");
    static final Path LDAPMODIFY = Path.of("/usr/bin/ldapmodify");
    static final Path LDAPSEARCH = Path.of("/usr/bin/ldapsearch");
    static final Path MODULE_DIR = Path.of("/usr/lib/ldap");
    static final Path STOCK_SCHEMA_DIR = Path.of("/etc/ldap/schema");

    private static final long TOOL_TIMEOUT_SECONDS = 60;
    private static final long STARTUP_TIMEOUT_MILLIS = 15_000;

    private final Path dir;
    private final Path socketDir;
    private final String ldapiUrl;
    private final int port;
    private final String adminPassword;
    private final String servicePassword = randomPassword();
    private final Path passwordFile;
    private final Path stderrLog;
    private Process process;
    private String databaseDn;

    private Slapd(Path dir, Path socketDir, String ldapiUrl, int port, String adminPassword, Path passwordFile) {
        this.dir = dir;
        this.socketDir = socketDir;
        this.ldapiUrl = ldapiUrl;
        this.port = port;
        this.adminPassword = adminPassword;
        this.passwordFile = passwordFile;
        this.stderrLog = dir.resolve("slapd.stderr.log");
    }

    /** Starts a fresh slapd loaded with the Sésame schemas, indexes and demo data. */
    public static Slapd start() {
        return start(true);
    }

    /**
     * Starts a fresh slapd configured like {@link #start()} (schemas, database, indexes, access rules) but holding
     * no entry: the second server of a replicated pair, which receives everything from the first.
     */
    public static Slapd startWithoutEntries() {
        return start(false);
    }

    private static Slapd start(boolean withEntries) {
        checkInstalled();
        Path projectDir = projectDir();
        Path schemaDir = projectDir.resolve("ldap-schema");
        if (!Files.isRegularFile(schemaDir.resolve("openldap/02-sesame.ldif"))) {
            throw new IllegalStateException("Cannot find ldap-schema/openldap/02-sesame.ldif under " + projectDir
                    + " (system property sesame.project.dir, else the working directory)");
        }
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Slapd slapd = create();
            try {
                slapd.bootstrap();
                slapd.launch();
            } catch (PortTakenException e) {
                // Another process took the free port between our probe and slapd's bind: try another one.
                lastFailure = e;
                slapd.close();
                continue;
            } catch (RuntimeException | Error e) {
                slapd.close();
                throw e;
            }
            try {
                slapd.load(schemaDir, withEntries);
                return slapd;
            } catch (RuntimeException | Error e) {
                String log = slapd.stderr();
                slapd.close();
                if (e instanceof IllegalStateException && !log.isBlank()) {
                    throw new IllegalStateException(e.getMessage() + "\n--- slapd stderr ---\n" + log, e);
                }
                throw e;
            }
        }
        throw lastFailure;
    }

    /** The project's root directory: system property {@code sesame.project.dir}, else the working directory. */
    public static Path projectDir() {
        String configured = System.getProperty("sesame.project.dir");
        return Path.of(configured == null || configured.isBlank() ? System.getProperty("user.dir") : configured)
                .toAbsolutePath();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String baseDn() {
        return BASE_DN;
    }

    public String adminDn() {
        return ADMIN_DN;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The portal's service account (bound by the access rules of 04-access-example.ldif). */
    public String serviceDn() {
        return SERVICE_DN;
    }

    public String servicePassword() {
        return servicePassword;
    }

    /** {@code ldap://127.0.0.1:<port>} */
    public String ldapUrl() {
        return "ldap://" + host() + ":" + port;
    }

    /** The URL slapd listens on, exactly as given to {@code slapd -h} (replication configuration matches it). */
    public String listenerUrl() {
        return ldapUrl() + "/";
    }

    /** The {@code ldapi://} URL, on which root (and the user running the tests) manage {@code cn=config}. */
    public String ldapiUrl() {
        return ldapiUrl;
    }

    /** The DN of the mdb database holding {@link #baseDn()}, e.g. {@code olcDatabase={1}mdb,cn=config}. */
    public String databaseDn() {
        return databaseDn;
    }

    /** How the portal's directory layer reaches this slapd: as the service account, over plain LDAP on loopback. */
    public fr.sesame.directory.DirectorySettings serviceSettings() {
        return new fr.sesame.directory.DirectorySettings(java.util.List.of(ldapUrl()),
                fr.sesame.directory.LdapSecurity.NONE, java.util.Optional.empty(), "", "PKCS12", serviceDn(),
                servicePassword(), "ou=people," + baseDn(), "(objectClass=inetOrgPerson)", "ou=groups," + baseDn(), 4,
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(2));
    }

    /** A new unauthenticated connection; the caller closes it. */
    public LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(30_000);
        return new LDAPConnection(options, host(), port);
    }

    /** A new connection bound as {@link #adminDn()}; the caller closes it. */
    public LDAPConnection connectAsAdmin() throws LDAPException {
        return connectAs(ADMIN_DN, adminPassword);
    }

    /** A new connection bound as the portal's service account {@link #serviceDn()}; the caller closes it. */
    public LDAPConnection connectAsService() throws LDAPException {
        return connectAs(SERVICE_DN, servicePassword);
    }

    /** A new connection bound with a simple bind; the caller closes it. */
    public LDAPConnection connectAs(String dn, String password) throws LDAPException {
        LDAPConnection connection = connect();
        try {
            connection.bind(dn, password);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs {@code ldapadd -x -D cn=admin,...} with the given LDIF file, as an administrator would. */
    public void addAsAdmin(Path ldif) {
        addAsAdmin(ldif, TOOL_TIMEOUT_SECONDS);
    }

    /** The same, for a big file (the load benchmark's 50 000 people) that takes longer than the usual tool timeout. */
    public void addAsAdmin(Path ldif, long timeoutSeconds) {
        tool(List.of(LDAPADD.toString(), "-x", "-H", ldapiUrl, "-D", ADMIN_DN, "-y", passwordFile.toString(),
                "-f", ldif.toString()), timeoutSeconds);
    }

    /** Runs {@code ldapadd -x -D cn=admin,...} with the given LDIF text. */
    public void addAsAdmin(String ldif) {
        addAsAdmin(writeTemp("entries", ldif));
    }

    /** Runs {@code ldapmodify -Y EXTERNAL} on {@code cn=config} with the given LDIF text. */
    public void modifyConfig(String ldif) {
        Path file = writeTemp("config-change", ldif);
        tool(List.of(LDAPMODIFY.toString(), "-Q", "-Y", "EXTERNAL", "-H", ldapiUrl, "-f", file.toString()));
    }

    /**
     * Runs {@code ldapsearch -Y EXTERNAL} on {@code cn=config} (subtree of {@code base}, filter
     * {@code (objectClass=*)}) and returns its LDIF output, unwrapped.
     */
    public String searchConfig(String base, String... attributes) {
        List<String> command = new ArrayList<>(List.of(LDAPSEARCH.toString(), "-Q", "-LLL", "-o", "ldif-wrap=no",
                "-Y", "EXTERNAL", "-H", ldapiUrl, "-b", base, "(objectClass=*)"));
        command.addAll(List.of(attributes));
        return tool(command);
    }

    /** What slapd wrote on its standard error so far (errors, start and stop). */
    public String stderr() {
        try {
            return Files.isRegularFile(stderrLog) ? Files.readString(stderrLog, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + stderrLog + ": " + e + ")";
        }
    }

    /** Whether slapd is running (not stopped, killed or closed). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the running slapd, e.g. to freeze it with {@code kill -STOP}. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("slapd is not running");
        }
        return process.pid();
    }

    /**
     * Stops slapd as {@code systemctl stop} does (SIGTERM: it ends its connections and closes the database
     * cleanly), keeping its files for {@link #restart()}.
     */
    public synchronized void stop() {
        end(false);
    }

    /** Kills slapd as a crash would (SIGKILL: nothing flushed, no goodbye), keeping its files for {@link #restart()}. */
    public synchronized void kill() {
        end(true);
    }

    /** Starts the stopped or killed slapd again, on the same port, with its configuration and data. */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("slapd is already running on " + ldapUrl());
        }
        launch();
    }

    /** Stops slapd and deletes its files. Safe to call more than once. */
    @Override
    public synchronized void close() {
        end(false);
        deleteTree(dir);
        if (socketDir != null) {
            deleteTree(socketDir);
        }
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    // ------------------------------------------------------------------------------------------------ start-up

    private static void checkInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path tool : List.of(SLAPD, SLAPADD, LDAPADD, LDAPMODIFY, LDAPSEARCH)) {
            if (!Files.isExecutable(tool)) {
                missing.add(tool.toString());
            }
        }
        if (!Files.isRegularFile(MODULE_DIR.resolve("back_mdb.la"))
                && !Files.isRegularFile(MODULE_DIR.resolve("back_mdb.so"))) {
            missing.add(MODULE_DIR.resolve("back_mdb.so").toString());
        }
        for (String schema : List.of("core.ldif", "cosine.ldif", "inetorgperson.ldif")) {
            if (!Files.isRegularFile(STOCK_SCHEMA_DIR.resolve(schema))) {
                missing.add(STOCK_SCHEMA_DIR.resolve(schema).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("OpenLDAP is needed by this test and is not installed (missing: "
                    + String.join(", ", missing) + "). On Debian/Ubuntu: apt-get install slapd ldap-utils");
        }
    }

    private static Slapd create() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(tmp);
            Path dir = Files.createTempDirectory(tmp, "slapd-").toAbsolutePath();
            // A unix socket path has at most 107 bytes: fall back to /tmp when the build directory is deep.
            Path socket = dir.resolve("ldapi");
            Path socketDir = null;
            if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
                socketDir = Files.createTempDirectory(Path.of("/tmp"), "slapd-");
                socket = socketDir.resolve("ldapi");
            }
            String password = randomPassword();
            Path passwordFile = dir.resolve("admin.pw");
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            return new Slapd(dir, socketDir, "ldapi://" + urlEncode(socket.toString()), freePort(), password,
                    passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a directory for slapd", e);
        }
    }

    /** Writes a minimal cn=config with slapadd: module, core schema, config database managed over ldapi. */
    private void bootstrap() {
        try {
            Files.createDirectories(dir.resolve("slapd.d"));
            Files.createDirectories(dir.resolve("db"));
            int uid = (Integer) Files.getAttribute(dir, "unix:uid");
            int gid = (Integer) Files.getAttribute(dir, "unix:gid");
            String config = String.join("\n",
                    "dn: cn=config",
                    "objectClass: olcGlobal",
                    "cn: config",
                    "olcPidFile: " + dir.resolve("slapd.pid"),
                    "olcArgsFile: " + dir.resolve("slapd.args"),
                    "",
                    "dn: cn=module{0},cn=config",
                    "objectClass: olcModuleList",
                    "cn: module{0}",
                    "olcModulePath: " + MODULE_DIR,
                    "olcModuleLoad: back_mdb",
                    "",
                    "dn: cn=schema,cn=config",
                    "objectClass: olcSchemaConfig",
                    "cn: schema",
                    "",
                    "include: file://" + STOCK_SCHEMA_DIR.resolve("core.ldif"),
                    "",
                    "dn: olcDatabase={-1}frontend,cn=config",
                    "objectClass: olcDatabaseConfig",
                    "objectClass: olcFrontendConfig",
                    "olcDatabase: {-1}frontend",
                    "",
                    "dn: olcDatabase={0}config,cn=config",
                    "objectClass: olcDatabaseConfig",
                    "olcDatabase: {0}config",
                    "olcAccess: {0}to *"
                            + " by dn.exact=gidNumber=0+uidNumber=0,cn=peercred,cn=external,cn=auth manage"
                            + " by dn.exact=gidNumber=" + gid + "+uidNumber=" + uid
                            + ",cn=peercred,cn=external,cn=auth manage"
                            + " by * none",
                    "");
            Path file = writeTemp("bootstrap", config);
            tool(List.of(SLAPADD.toString(), "-n", "0", "-F", dir.resolve("slapd.d").toString(), "-l",
                    file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write slapd's bootstrap configuration", e);
        }
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(SLAPD.toString(),
                "-h", listenerUrl() + " " + ldapiUrl,
                "-F", dir.resolve("slapd.d").toString(),
                "-d", "none");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        builder.environment().put("LDAPNOINIT", "1");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + SLAPD + ": " + e.getMessage(), e);
        }
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (true) {
            if (!process.isAlive()) {
                String log = stderr();
                process = null;
                if (log.contains("Address already in use")) {
                    throw new PortTakenException(log);
                }
                throw new IllegalStateException("slapd exited at start-up.\n--- slapd stderr ---\n" + log);
            }
            if (answers()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("slapd did not answer on " + ldapUrl() + " within "
                        + STARTUP_TIMEOUT_MILLIS + " ms.\n--- slapd stderr ---\n" + stderr());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for slapd", e);
            }
        }
    }

    private boolean answers() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(500);
        options.setResponseTimeoutMillis(2_000);
        try (LDAPConnection connection = new LDAPConnection(options, host(), port)) {
            return connection.getRootDSE() != null;
        } catch (LDAPException e) {
            return false;
        }
    }

    /** What an administrator does, file by file, with the very files of ldap-schema/. */
    private void load(Path schemaDir, boolean withEntries) {
        tool(List.of(LDAPMODIFY.toString(), "-Q", "-Y", "EXTERNAL", "-H", ldapiUrl, "-f",
                schemaDir.resolve("openldap/00-argon2-module.ldif").toString()));
        addConfig(STOCK_SCHEMA_DIR.resolve("cosine.ldif"));
        addConfig(STOCK_SCHEMA_DIR.resolve("inetorgperson.ldif"));
        addConfig(schemaDir.resolve("openldap/01-supann-subset.ldif"));
        addConfig(schemaDir.resolve("openldap/02-sesame.ldif"));

        String database = String.join("\n",
                "dn: olcDatabase=mdb,cn=config",
                "objectClass: olcDatabaseConfig",
                "objectClass: olcMdbConfig",
                "olcDatabase: mdb",
                "olcSuffix: " + BASE_DN,
                "olcDbDirectory: " + dir.resolve("db"),
                "olcDbMaxSize: 1073741824",
                "olcDbNoSync: TRUE",
                "olcRootDN: " + ADMIN_DN,
                "olcRootPW: " + ssha(adminPassword),
                "olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none",
                "olcAccess: {1}to attrs=sesameJokerAnswer,sesamePasswordHistory,sesameToken by * none",
                "olcAccess: {2}to * by * read",
                "");
        tool(List.of(LDAPADD.toString(), "-Q", "-Y", "EXTERNAL", "-H", ldapiUrl, "-f",
                writeTemp("database", database).toString()));
        // slapd numbers the new database itself; 03-indexes.ldif names {1}mdb: adapt it, as the README tells.
        databaseDn = findDatabaseDn();
        String indexes = read(schemaDir.resolve("openldap/03-indexes.ldif"))
                .replace("olcDatabase={1}mdb,cn=config", databaseDn);
        tool(List.of(LDAPMODIFY.toString(), "-Q", "-Y", "EXTERNAL", "-H", ldapiUrl, "-f",
                writeTemp("indexes", indexes).toString()));

        if (withEntries) {
            addEntries(schemaDir);
        }
        // The README's example access rules for the portal's service account.
        String access = read(schemaDir.resolve("openldap/04-access-example.ldif"))
                .replace("olcDatabase={1}mdb,cn=config", databaseDn);
        tool(List.of(LDAPMODIFY.toString(), "-Q", "-Y", "EXTERNAL", "-H", ldapiUrl, "-f",
                writeTemp("access", access).toString()));
    }

    /** The demo entries and the portal's service account. */
    private void addEntries(Path schemaDir) {
        addAsAdmin(schemaDir.resolve("demo/demo-data.ldif"));
        addAsAdmin(writeTemp("service", String.join("\n",
                "dn: ou=services," + BASE_DN,
                "objectClass: organizationalUnit",
                "ou: services",
                "",
                "dn: " + SERVICE_DN,
                "objectClass: applicationProcess",
                "objectClass: simpleSecurityObject",
                "cn: sesame",
                "userPassword: " + ssha(servicePassword),
                "")));
    }

    private String findDatabaseDn() {
        String output = tool(List.of(LDAPSEARCH.toString(), "-Q", "-LLL", "-o", "ldif-wrap=no", "-Y", "EXTERNAL",
                "-H", ldapiUrl, "-b", "cn=config", "(olcSuffix=" + BASE_DN + ")", "dn"));
        for (String line : output.split("\n")) {
            if (line.startsWith("dn: ")) {
                return line.substring(4).trim();
            }
        }
        throw new IllegalStateException("Cannot find the database of " + BASE_DN + " in cn=config:\n" + output);
    }

    private void addConfig(Path ldif) {
        tool(List.of(LDAPADD.toString(), "-Q", "-Y", "EXTERNAL", "-H", ldapiUrl, "-f", ldif.toString()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Runs a command, returns its output, throws with its output (and slapd's) if it fails. */
    private String tool(List<String> command) {
        return tool(command, TOOL_TIMEOUT_SECONDS);
    }

    private String tool(List<String> command, long timeoutSeconds) {
        Path output = dir.resolve("tool-" + System.nanoTime() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(output.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("LDAPNOINIT", "1");
        try {
            Process tool = builder.start();
            if (!tool.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command) + "\n" + read(output));
            }
            String text = read(output);
            Files.deleteIfExists(output);
            if (tool.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + tool.exitValue() + "): " + String.join(" ", command)
                        + "\n" + text + (process != null ? "\n--- slapd stderr ---\n" + stderr() : ""));
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private Path writeTemp(String name, String content) {
        try {
            Path file = Files.createTempFile(dir, name + "-", ".ldif");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code {SSHA}} as slappasswd makes it: base64(SHA-1(password + salt) + salt). */
    static String ssha(String password) {
        try {
            byte[] salt = new byte[8];
            new SecureRandom().nextBytes(salt);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] both = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, both, 0, digest.length);
            System.arraycopy(salt, 0, both, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(both);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a socket path for an ldapi:// URL (every byte but unreserved characters). */
    static String urlEncode(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: a leftover under target/tmp is harmless.
                }
            });
        } catch (IOException e) {
            // Best effort, as above.
        }
    }

    /** slapd could not bind the port we picked (taken meanwhile by someone else). */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String log) {
            super("slapd could not bind its port:\n" + log);
        }
    }

    /**
     * JUnit 5 extension: one slapd per test class, injected into {@code Slapd} parameters, stopped after the class.
     * When a test fails, slapd's stderr is printed.
     */
    public static final class Extension
            implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Slapd.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getStore(NAMESPACE).put(Slapd.class, Slapd.start());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Slapd slapd = context.getStore(NAMESPACE).get(Slapd.class, Slapd.class);
            if (slapd != null && context.getExecutionException().isPresent()) {
                System.err.println("--- slapd stderr after " + context.getDisplayName() + " failed ---\n"
                        + slapd.stderr());
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            Slapd slapd = context.getStore(NAMESPACE).remove(Slapd.class, Slapd.class);
            if (slapd != null) {
                if (context.getExecutionException().isPresent()) {
                    System.err.println("--- slapd stderr (" + context.getDisplayName() + ") ---\n" + slapd.stderr());
                }
                slapd.close();
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == Slapd.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            Slapd slapd = extensionContext.getStore(NAMESPACE).get(Slapd.class, Slapd.class);
            if (slapd == null) {
                throw new ParameterResolutionException("No slapd running: register Slapd.Extension on the class"
                        + " (@ExtendWith(Slapd.Extension.class))");
            }
            return slapd;
        }
    }
}
