package fr.sesame.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.support.Slapd;
import fr.sesame.support.SlapdPair;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The portal as the benchmark runs it: the built WAR on Payara Micro in its own JVM (heap {@code bench.heap},
 * 512 MB by default), its mail going to a GreenMail server of this JVM, its directory either the embedded one
 * (demo mode, loaded with the generated people), a throw-away {@code slapd} loaded with the same people, or a
 * throw-away OpenLDAP multi-provider pair ({@link SlapdPair}) holding them, the portal given both URLs.
 * Measures the time from launch to the first page, and samples the process's CPU time and memory.
 */
final class PortalUnderLoad implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration REPLICATION_TIMEOUT = Duration.ofMinutes(30);

    private final String baseUrl;
    private final GreenMail mail;
    private final Slapd slapd;
    private final SlapdPair pair;
    private final Process payara;
    private final Duration startup;
    private final ProcessSampler sampler;

    private PortalUnderLoad(String baseUrl, GreenMail mail, Slapd slapd, SlapdPair pair, Process payara,
            Duration startup) {
        this.baseUrl = baseUrl;
        this.mail = mail;
        this.slapd = slapd;
        this.pair = pair;
        this.payara = payara;
        this.startup = startup;
        this.sampler = ProcessSampler.start(payara.pid());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the directory (for slapd), the SMTP sink and the portal on {@code httpPort}; waits for the home page. */
    static PortalUnderLoad start(BenchSettings settings, int httpPort) {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        Slapd slapd = null;
        SlapdPair pair = null;
        Process payara = null;
        try {
            List<String> properties = new ArrayList<>();
            String bindPassword = null;
            if (settings.slapd()) {
                long loading = System.nanoTime();
                slapd = Slapd.start();
                slapd.addAsAdmin(settings.people(), 1800);
                System.out.printf("slapd loaded with %s in %.0f s%n", settings.people().getFileName(),
                        (System.nanoTime() - loading) / 1e9);
                properties.add("-Dsesame.ldap.urls=" + slapd.ldapUrl());
                properties.add("-Dsesame.ldap.bind-dn=" + slapd.serviceDn());
                bindPassword = slapd.servicePassword();
            } else if (settings.pair()) {
                long loading = System.nanoTime();
                pair = SlapdPair.start();
                pair.provider(1).addAsAdmin(settings.people(), 1800);
                pair.awaitInSync(REPLICATION_TIMEOUT);
                System.out.printf("slapd pair loaded with %s (added on provider 1, replicated to provider 2) in %.0f s%n",
                        settings.people().getFileName(), (System.nanoTime() - loading) / 1e9);
                DirectorySettings both = pair.serviceSettings();
                properties.add("-Dsesame.ldap.urls=" + String.join(",", both.urls()));
                properties.add("-Dsesame.ldap.bind-dn=" + both.bindDn());
                bindPassword = both.bindPassword();
            } else {
                properties.add("-Dsesame.embedded=true");
                properties.add("-Dsesame.embedded.ldap-port=0");
                properties.add("-Dsesame.embedded.mail=false");
                properties.add("-Dsesame.embedded.people-ldif=" + settings.people().toAbsolutePath());
            }
            String baseUrl = "http://localhost:" + httpPort;
            File project = settings.projectDir().toFile();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + settings.heap(),
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-Dsesame.public-base-url=" + baseUrl,
                    "-Dsesame.mail.host=127.0.0.1",
                    "-Dsesame.mail.port=" + mail.getSmtp().getPort(),
                    // Every virtual user comes from 127.0.0.1.
                    "-Dsesame.throttle.client.max-failures=1000000"));
            command.addAll(properties);
            command.addAll(settings.portalJvmOptions());
            command.addAll(List.of(
                    "-jar", new File(project, "target/payara-micro.jar").getAbsolutePath(),
                    "--deploy", new File(project, "target/sesame.war").getAbsolutePath(),
                    "--contextroot", "/",
                    "--nocluster",
                    "--port", String.valueOf(httpPort),
                    "--prebootcommandfile", new File(project, "payara-config/pre-boot-commands.asadmin").getAbsolutePath(),
                    "--postbootcommandfile", new File(project, "payara-config/post-boot-commands.asadmin").getAbsolutePath()));
            Path log = settings.outDir().resolve("portal.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (bindPassword != null) {
                builder.environment().put("SESAME_LDAP_BIND_PASSWORD", bindPassword);
            }
            long launched = System.nanoTime();
            payara = builder.start();
            awaitHomePage(baseUrl, payara, log);
            Duration startup = Duration.ofNanos(System.nanoTime() - launched);
            System.out.printf("Portal up on %s after %.1f s (log: %s)%n", baseUrl, startup.toMillis() / 1000.0, log);
            return new PortalUnderLoad(baseUrl, mail, slapd, pair, payara, startup);
        } catch (IOException | RuntimeException e) {
            if (payara != null) {
                payara.destroyForcibly();
            }
            if (slapd != null) {
                slapd.close();
            }
            if (pair != null) {
                pair.close();
            }
            mail.stop();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static void awaitHomePage(String baseUrl, Process payara, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped while booting: see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The portal did not answer within " + BOOT_TIMEOUT + ": see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    GreenMail mail() {
        return mail;
    }

    Duration startup() {
        return startup;
    }

    ProcessSampler sampler() {
        return sampler;
    }

    /** The pair the portal works on, for {@code bench.directory=slapd-pair}. */
    SlapdPair pair() {
        if (pair == null) {
            throw new IllegalStateException("The portal runs on no slapd pair");
        }
        return pair;
    }

    @Override
    public void close() {
        sampler.stop();
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            payara.destroyForcibly();
        }
        mail.stop();
        if (slapd != null) {
            slapd.close();
        }
        if (pair != null) {
            pair.close();
        }
    }
}
