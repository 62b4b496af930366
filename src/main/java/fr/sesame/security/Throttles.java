package fr.sesame.security;

import fr.sesame.cluster.Cluster;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.PeopleDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The portal's throttles, one of each for the whole application: per account (counted in the directory)
 * and per client address (in the cluster's JCache when the portal runs as several nodes, else in memory),
 * with the configured limits. Every flow that counts failures uses these.
 */
@ApplicationScoped
public class Throttles {

    private AccountThrottle accounts;
    private ClientThrottle clients;

    /** For CDI's proxy only. */
    protected Throttles() {}

    @Inject
    public Throttles(PeopleDirectory people, SesameConfig config, Cluster cluster) {
        ThrottleSettings settings = config.throttle();
        this.accounts = new AccountThrottle(people, settings, Clock.systemUTC());
        this.clients = cluster.caches()
                .<ClientThrottle>map(caches -> new JCacheClientThrottle(caches, settings.client(), Clock.systemUTC()))
                .orElseGet(() -> new InMemoryClientThrottle(settings.client(), Clock.systemUTC()));
    }

    /** The throttles of a portal running alone (per-client counts in memory). */
    public Throttles(PeopleDirectory people, SesameConfig config) {
        this(people, config, Cluster.alone());
    }

    public AccountThrottle accounts() {
        return accounts;
    }

    public ClientThrottle clients() {
        return clients;
    }
}
