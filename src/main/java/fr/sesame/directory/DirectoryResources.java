package fr.sesame.directory;

import fr.sesame.config.SesameConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Owns the application's directory connections for its whole life: opens them on first use (starting
 * the embedded demo directory first when {@code sesame.embedded} is on) and closes them at undeploy.
 */
@ApplicationScoped
public class DirectoryResources {

    private static final Logger LOG = Logger.getLogger(DirectoryResources.class.getName());

    private SesameConfig config;
    private EmbeddedDirectory embedded;
    private DirectoryConnections connections;

    /** For CDI's proxy only. */
    protected DirectoryResources() {}

    @Inject
    public DirectoryResources(SesameConfig config) {
        this.config = config;
    }

    /** Starts the embedded directory with the application, so the demo is ready before the first visit. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (config.embedded()) {
            connections();
        }
    }

    synchronized DirectoryConnections connections() {
        if (connections == null) {
            DirectorySettings settings = config.directory();
            if (config.embedded()) {
                // A password given for the service account becomes the demo manager's, for a second node to use.
                embedded = EmbeddedDirectory.start(config.embeddedLdapPort(), config.embeddedPeopleLdif(),
                        Optional.of(settings.bindPassword()).filter(password -> !password.isEmpty()));
                settings = embedded.settingsFor(settings);
                LOG.info(() -> "Embedded demo directory listening on " + embedded.url() + " (base "
                        + EmbeddedDirectory.BASE_DN + ")");
            }
            connections = DirectoryConnections.open(settings);
        }
        return connections;
    }

    @PreDestroy
    synchronized void close() {
        if (connections != null) {
            connections.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
