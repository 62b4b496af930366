package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sesame.directory.EmbeddedDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private record Running(Portal portal, PortalProcess payara) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            // A fixed port, so a test can stop the directory and start it again where the portal expects it.
            EmbeddedDirectory directory = EmbeddedDirectory.start(PortalProcess.freePort());
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            mail.start();
            Path auditFile = auditFile();
            PortalProcess payara = PortalProcess.serving(directory, mail).options("--nocluster")
                    .property("sesame.audit.file", auditFile.toString())
                    // SMS go to the development gateway, whose outbox page the browser tests read.
                    .property("sesame.sms.gateway", "dev")
                    .start();
            Running running = new Running(new Portal(payara.url(), directory, mail, auditFile), payara);
            try {
                payara.awaitHomePage();
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

        @Override
        public void close() {
            payara.stop();
            portal.mail().stop();
            portal.directory().close();
        }
    }
}
