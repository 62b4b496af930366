package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.EmbeddedDirectory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process serving the built WAR against a directory and an SMTP server of the test, on a free
 * port: the portal of {@link PortalExtension}, or one node of {@link PortalCluster}. Its output goes to a log file
 * under {@code target/}. Built with {@link #serving}, then {@link Launch#start()}; can be stopped and started again.
 */
public final class PortalProcess {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    private final Launch launch;
    private Process process;
    /** Where this launch's output starts in the log file, which restarts append to. */
    private long logStart;

    private PortalProcess(Launch launch) {
        this.launch = launch;
    }

    /** The settings of a portal using this directory and SMTP server; change them, then {@link Launch#start()}. */
    public static Launch serving(EmbeddedDirectory directory, GreenMail mail) {
        return new Launch(directory, mail);
    }

    /** How to start the portal. */
    public static final class Launch {

        private final DirectorySettings endpoint;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> options = new ArrayList<>();
        private String host = "localhost";
        private int httpPort = freePort();
        private String log = "portal-under-test.log";
        private String postBootCommands = "post-boot-commands.asadmin";

        private Launch(EmbeddedDirectory directory, GreenMail mail) {
            this.endpoint = directory.settings();
            property("sesame.ldap.urls", directory.url());
            property("sesame.ldap.bind-dn", endpoint.bindDn());
            property("sesame.mail.host", "127.0.0.1");
            property("sesame.mail.port", String.valueOf(mail.getSmtp().getPort()));
            property("sesame.password.crypt-rounds", "5000");
            // Every test browses from 127.0.0.1: the per-client limit is tested on its own, not here.
            property("sesame.throttle.client.max-failures", "100000");
            // The deliberate response-time floors are proved by ResponseTimeFloorTest and the services' tests;
            // pages in a browser need not wait them (they cost the suite a minute and more).
            property("sesame.identification.response-floor", "PT0.02S");
            property("sesame.signin.response-floor", "PT0.02S");
            property("sesame.mail-request.response-floor", "PT0.02S");
        }

        /** A MicroProfile Config key given as a system property; the last value given for a key wins. */
        public Launch property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Payara Micro command-line options, e.g. {@code --nocluster}. */
        public Launch options(String... more) {
            options.addAll(List.of(more));
            return this;
        }

        /** The asadmin file run after boot, under {@code payara-config/} ({@code post-boot-commands.asadmin} unless told). */
        public Launch postBootCommands(String fileName) {
            postBootCommands = fileName;
            return this;
        }

        /** The host name in the portal's address ({@code localhost} unless told). */
        public Launch host(String name) {
            host = name;
            return this;
        }

        /** The log file's name, under {@code target/}. */
        public Launch log(String fileName) {
            log = fileName;
            return this;
        }

        /** The portal's address, known before it starts. */
        public String url() {
            return "http://" + host + ":" + httpPort;
        }

        /** Launches Payara Micro; {@link PortalProcess#awaitHomePage()} then waits for the portal. */
        public PortalProcess start() {
            new File(System.getProperty("sesame.project.dir", "."), "target/" + log).delete();
            PortalProcess portal = new PortalProcess(this);
            portal.launch();
            return portal;
        }
    }

    /** The portal's address, without a trailing slash. */
    public String url() {
        return launch.url();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the portal serves its home page; fails if Payara stops or takes too long. */
    public PortalProcess awaitHomePage() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped while booting: see target/" + launch.log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The portal did not answer within " + BOOT_TIMEOUT + ": see target/" + launch.log);
    }

    /** Waits until Payara has written {@code text} to its log since it was last started. */
    public PortalProcess awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (loggedSinceStart().contains(text)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped: see target/" + launch.log);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Payara did not log '" + text + "' within " + timeout + ": see target/" + launch.log);
    }

    /** Starts the portal again after {@link #stop()}, on the same port and with the same settings. */
    public PortalProcess restart() {
        stop();
        launch();
        return this;
    }

    /** Stops the portal as an operator does (SIGTERM, so Payara leaves its cluster cleanly); kills it if it lingers. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void launch() {
        File project = new File(System.getProperty("sesame.project.dir", "."));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dsesame.public-base-url=" + url()));
        launch.properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-jar", new File(project, "target/payara-micro.jar").getAbsolutePath(),
                "--deploy", Deployments.builtWar().getAbsolutePath(),
                "--contextroot", "/",
                "--port", String.valueOf(launch.httpPort),
                "--prebootcommandfile", new File(project, "payara-config/pre-boot-commands.asadmin").getAbsolutePath(),
                "--postbootcommandfile", new File(project, "payara-config/" + launch.postBootCommands).getAbsolutePath()));
        command.addAll(launch.options);
        logStart = logFile().length();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()));
        // The service account's secret goes through the environment, as in production, not the command line.
        builder.environment().put("SESAME_LDAP_BIND_PASSWORD", launch.endpoint.bindPassword());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro", e);
        }
    }

    private File logFile() {
        return new File(System.getProperty("sesame.project.dir", "."), "target/" + launch.log);
    }

    /** Whether Payara logged {@code text} since this process started. */
    public boolean hasLogged(String text) {
        return loggedSinceStart().contains(text);
    }

    private String loggedSinceStart() {
        try (java.io.RandomAccessFile log = new java.io.RandomAccessFile(logFile(), "r")) {
            log.seek(logStart);
            byte[] written = new byte[(int) (log.length() - logStart)];
            log.readFully(written);
            return new String(written, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
