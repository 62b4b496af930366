package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.EmbeddedDirectory;
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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the built WAR on a real Payara Micro, once for all the test classes of a run (a boot costs about
 * 20 s on two cores), against a directory and a GreenMail SMTP server started here, on free ports. Test
 * classes receive the {@link Portal} as a parameter. Payara's output goes to {@code target/portal-under-test.log}.
 */
public class PortalExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PortalExtension.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    @Override
    public void beforeAll(ExtensionContext context) {
        portal(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return portal(context);
    }

    /** The portal of this run, started on first ask. */
    public static Portal portal(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
                .portal();
    }

    /** The running pieces, stopped by JUnit when the whole run ends. */
    private record Running(Portal portal, Process payara) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            // A fixed port, so a test can stop the directory and start it again where the portal expects it.
            EmbeddedDirectory directory = EmbeddedDirectory.start(freePort());
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
            int httpPort = freePort();
            String baseUrl = "http://localhost:" + httpPort;
            Path auditFile = auditFile();
            Process payara = launch(directory, mail, httpPort, baseUrl, auditFile);
            Running running = new Running(new Portal(baseUrl, directory, mail, auditFile), payara);
            try {
                awaitHomePage(baseUrl, payara);
            } catch (RuntimeException e) {
                running.close();
                throw e;
            }
            return running;
        }

        /** A file of its own for the portal's audit trail, as a SIEM would read it. */
        private static Path auditFile() {
            try {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(tmp);
                return Files.createTempDirectory(tmp, "portal-audit-").resolve("sesame-audit.jsonl");
            } catch (IOException e) {
                throw new IllegalStateException("Cannot make a directory for the audit file", e);
            }
        }

        private static Process launch(EmbeddedDirectory directory, GreenMail mail, int httpPort, String baseUrl,
                Path auditFile) {
            File project = new File(System.getProperty("sesame.project.dir", "."));
            DirectorySettings endpoint = directory.settings();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-Dsesame.public-base-url=" + baseUrl,
                    "-Dsesame.ldap.urls=" + directory.url(),
                    "-Dsesame.ldap.bind-dn=" + endpoint.bindDn(),
                    "-Dsesame.mail.host=127.0.0.1",
                    "-Dsesame.mail.port=" + mail.getSmtp().getPort(),
                    "-Dsesame.password.crypt-rounds=5000",
                    "-Dsesame.audit.file=" + auditFile,
                    // Every test browses from 127.0.0.1: the per-client limit is tested on its own, not here.
                    "-Dsesame.throttle.client.max-failures=100000",
                    // SMS go to the development gateway, whose outbox page the browser tests read.
                    "-Dsesame.sms.gateway=dev",
                    "-jar", new File(project, "target/payara-micro.jar").getAbsolutePath(),
                    "--deploy", Deployments.builtWar().getAbsolutePath(),
                    "--contextroot", "/",
                    "--nocluster",
                    "--port", String.valueOf(httpPort),
                    "--prebootcommandfile", new File(project, "payara-config/pre-boot-commands.asadmin").getAbsolutePath(),
                    "--postbootcommandfile", new File(project, "payara-config/post-boot-commands.asadmin").getAbsolutePath()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(new File(project, "target/portal-under-test.log"));
            // The service account's secret goes through the environment, as in production, not the command line.
            builder.environment().put("SESAME_LDAP_BIND_PASSWORD", endpoint.bindPassword());
            try {
                return builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start Payara Micro", e);
            }
        }

        private static void awaitHomePage(String baseUrl, Process payara) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!payara.isAlive()) {
                    throw new IllegalStateException("Payara Micro stopped while booting: see target/portal-under-test.log");
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
                sleep();
            }
            throw new IllegalStateException("The portal did not answer within " + BOOT_TIMEOUT + ": see target/portal-under-test.log");
        }

        private static void sleep() {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            payara.destroy();
            try {
                if (!payara.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                payara.destroyForcibly();
            }
            portal.mail().stop();
            portal.directory().close();
        }
    }
}
