package fr.sesame.support;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.directory.DirectorySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * Two real {@code slapd} servers replicating each other as an OpenLDAP multi-provider pair, set up as
 * {@code ldap-schema/README.md} tells an administrator: provider 1 is a {@link Slapd#start()} (schemas, demo entries,
 * the portal's service account), provider 2 a {@link Slapd#startWithoutEntries()}; the replicator account is added on
 * provider 1, then {@code ldap-schema/openldap/05-multi-provider-example.ldif}, with its placeholders replaced, is
 * applied to both, and provider 2 receives every entry by replication.
 *
 * <p>For tests: {@link #serviceSettings()} lists both URLs, provider 1 first, as {@code sesame.ldap.urls} would;
 * {@link #provider(int)} gives each server to stop, kill and restart; {@link #awaitInSync(Duration)} waits until
 * both hold the same changes.
 *
 * <p>For a load test by hand, {@link #main(String[])} starts a pair and keeps it until stopped (see there).
 */
public final class SlapdPair implements AutoCloseable {

    /** The account each provider binds as to read the other (05-multi-provider-example.ldif). */
    public static final String REPLICATOR_DN = "cn=replicator,ou=services," + Slapd.BASE_DN;

    private static final String EXAMPLE = "openldap/05-multi-provider-example.ldif";
    private static final Duration INITIAL_SYNC = Duration.ofSeconds(60);

    private final Slapd first;
    private final Slapd second;

    private SlapdPair(Slapd first, Slapd second) {
        this.first = first;
        this.second = second;
    }

    /** Starts both providers, replicating each other, with the demo entries on both. */
    public static SlapdPair start() {
        // Both servers are set up at once: most of it is waiting for slapd and the ldap tools.
        CompletableFuture<Slapd> secondStarting = CompletableFuture.supplyAsync(Slapd::startWithoutEntries);
        Slapd first;
        try {
            first = Slapd.start();
        } catch (RuntimeException | Error e) {
            secondStarting.thenAccept(Slapd::close);
            throw e;
        }
        Slapd second;
        try {
            second = secondStarting.join();
        } catch (CompletionException e) {
            first.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        try {
            SlapdPair pair = new SlapdPair(first, second);
            pair.replicate();
            return pair;
        } catch (RuntimeException | Error e) {
            second.close();
            first.close();
            throw e;
        }
    }

    /** Provider 1 or 2. */
    public Slapd provider(int number) {
        return switch (number) {
            case 1 -> first;
            case 2 -> second;
            default -> throw new IllegalArgumentException("A pair has providers 1 and 2, not " + number);
        };
    }

    /** How the portal reaches the pair: both URLs, provider 1 first, as the service account. */
    public DirectorySettings serviceSettings() {
        return first.serviceSettings().pointedAt(List.of(first.ldapUrl(), second.ldapUrl()), first.serviceDn(),
                first.servicePassword());
    }

    /**
     * Waits until both running providers hold the same changes: the same {@code contextCSN} values (one per server
     * that ever wrote) on the base entry.
     *
     * @throws IllegalStateException if they still differ after {@code timeout}
     */
    public void awaitInSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> firstState = Set.of();
        Set<String> secondState = Set.of();
        while (System.nanoTime() < deadline) {
            firstState = contextCsns(first);
            secondState = contextCsns(second);
            if (!firstState.isEmpty() && firstState.equals(secondState)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("The providers did not converge within " + timeout + ": provider 1 has "
                + firstState + ", provider 2 has " + secondState + "\n--- provider 1 stderr ---\n" + first.stderr()
                + "\n--- provider 2 stderr ---\n" + second.stderr());
    }

    /** Stops both providers and deletes their files. */
    @Override
    public void close() {
        try {
            second.close();
        } finally {
            first.close();
        }
    }

    private void replicate() {
        String replicatorPassword = Slapd.randomPassword();
        first.addAsAdmin(String.join("\n",
                "dn: " + REPLICATOR_DN,
                "objectClass: applicationProcess",
                "objectClass: simpleSecurityObject",
                "cn: replicator",
                "userPassword: " + Slapd.ssha(replicatorPassword),
                ""));
        String example = read(Slapd.projectDir().resolve("ldap-schema").resolve(EXAMPLE));
        for (Slapd provider : List.of(first, second)) {
            provider.modifyConfig(example
                    .replace("olcDatabase={1}mdb,cn=config", provider.databaseDn())
                    .replace("ldap://ldap1.univ-demo.fr/", first.listenerUrl())
                    .replace("ldap://ldap2.univ-demo.fr/", second.listenerUrl())
                    .replace("REPLICATOR-PASSWORD", replicatorPassword));
        }
        awaitInSync(INITIAL_SYNC);
    }

    private static Set<String> contextCsns(Slapd provider) {
        if (!provider.isRunning()) {
            return Set.of();
        }
        try (LDAPConnection admin = provider.connectAsAdmin()) {
            SearchResultEntry base = admin.getEntry(Slapd.BASE_DN, "contextCSN");
            if (base == null || !base.hasAttribute("contextCSN")) {
                return Set.of();
            }
            return new TreeSet<>(List.of(base.getAttributeValues("contextCSN")));
        } catch (LDAPException e) {
            return Set.of();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for replication", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a pair for a load test by hand, e.g. the benchmark against two directories:
     * <pre>
     * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.sesame.support.SlapdPair \
     *     -Dexec.args="--properties target/pair.properties --ldif people.ldif"
     * </pre>
     * {@code --ldif} files are added to provider 1 as {@code cn=admin} (and replicate); {@code --properties} writes
     * the portal's {@code sesame.ldap.*} settings for the pair (give the file to Payara Micro with
     * {@code --systemproperties}). Then it reads commands on its standard input: {@code stop N}, {@code kill N},
     * {@code start N} (N is 1 or 2), {@code sync}, {@code quit}. Without a terminal it runs until killed; both
     * servers stop with it.
     */
    public static void main(String[] args) throws Exception {
        Path properties = null;
        List<Path> ldifs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--properties" -> properties = Path.of(args[++i]);
                case "--ldif" -> ldifs.add(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("Usage: SlapdPair [--properties FILE] [--ldif FILE]...");
            }
        }
        SlapdPair pair = start();
        Runtime.getRuntime().addShutdownHook(new Thread(pair::close));
        for (Path ldif : ldifs) {
            pair.first.addAsAdmin(ldif.toAbsolutePath());
        }
        pair.awaitInSync(Duration.ofMinutes(30));
        DirectorySettings settings = pair.serviceSettings();
        if (properties != null) {
            Files.writeString(properties, String.join("\n",
                    "# A throw-away OpenLDAP multi-provider pair started by fr.sesame.support.SlapdPair",
                    "sesame.ldap.urls=" + String.join(",", settings.urls()),
                    "sesame.ldap.bind-dn=" + settings.bindDn(),
                    "sesame.ldap.bind-password=" + settings.bindPassword(),
                    ""), StandardCharsets.UTF_8);
        }
        for (int n = 1; n <= 2; n++) {
            Slapd provider = pair.provider(n);
            System.out.println("provider " + n + ": " + provider.ldapUrl() + " (pid " + provider.pid() + "), admin "
                    + provider.adminDn() + " / " + provider.adminPassword());
        }
        System.out.println("portal settings: sesame.ldap.urls=" + String.join(",", settings.urls())
                + (properties != null ? " (all in " + properties.toAbsolutePath() + ")" : ""));
        System.out.println("commands: stop N | kill N | start N | sync | quit");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            try {
                switch (words[0]) {
                    case "stop" -> pair.provider(Integer.parseInt(words[1])).stop();
                    case "kill" -> pair.provider(Integer.parseInt(words[1])).kill();
                    case "start" -> pair.provider(Integer.parseInt(words[1])).restart();
                    case "sync" -> pair.awaitInSync(Duration.ofMinutes(5));
                    case "quit" -> System.exit(0);
                    case "" -> {}
                    default -> System.out.println("commands: stop N | kill N | start N | sync | quit");
                }
                System.out.println("ok");
            } catch (RuntimeException e) {
                System.out.println("failed: " + e.getMessage());
            }
        }
        new CountDownLatch(1).await();
    }
}
