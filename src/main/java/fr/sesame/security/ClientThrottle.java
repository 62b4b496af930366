package fr.sesame.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed attempts per client address, to slow down someone trying many identifiers from one place. An
 * interface so that a cluster can share the counts (JCache, Hazelcast) instead of each node keeping its own.
 */
public interface ClientThrottle {

    /** When this client may try again, if it has used up its failures for now. */
    Optional<Instant> blockedUntil(String clientAddress);

    /** Counts one failed attempt from this client. */
    void recordFailure(String clientAddress);
}
