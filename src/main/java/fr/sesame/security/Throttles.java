package fr.sesame.security;

import fr.sesame.config.SesameConfig;
import fr.sesame.directory.PeopleDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The portal's throttles, one of each for the whole application: per account (counted in the directory)
 * and per client address (in memory), with the configured limits. Every flow that counts failures uses these.
 */
@ApplicationScoped
public class Throttles {

    private AccountThrottle accounts;
    private ClientThrottle clients;

    /** For CDI's proxy only. */
    protected Throttles() {}

    @Inject
    public Throttles(PeopleDirectory people, SesameConfig config) {
        ThrottleSettings settings = config.throttle();
        this.accounts = new AccountThrottle(people, settings, Clock.systemUTC());
        this.clients = new InMemoryClientThrottle(settings.client(), Clock.systemUTC());
    }

    public AccountThrottle accounts() {
        return accounts;
    }

    public ClientThrottle clients() {
        return clients;
    }
}
