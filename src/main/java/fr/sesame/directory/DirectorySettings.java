package fr.sesame.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the directory is and how to talk to it.
 *
 * @param urls one or more LDAP URLs, tried in order (failover)
 * @param peopleFilter what makes an entry under {@code peopleBase} a person
 * @param failbackAfter the age at which a connection to any URL but the first is replaced, so that the pools go
 *     back to the first server once it answers again
 */
public record DirectorySettings(
        List<String> urls,
        LdapSecurity security,
        Optional<String> trustStore,
        String trustStorePassword,
        String trustStoreType,
        String bindDn,
        String bindPassword,
        String peopleBase,
        String peopleFilter,
        String groupsBase,
        int poolSize,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration healthCheckInterval,
        Duration maxConnectionAge,
        Duration failbackAfter) {

    public DirectorySettings {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("sesame.ldap.urls names no directory");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("sesame.ldap.pool-size must be at least 1");
        }
        if (failbackAfter.isNegative() || failbackAfter.isZero()) {
            throw new IllegalArgumentException("sesame.ldap.failback-after must be positive");
        }
    }

    /** The same settings aimed at another directory endpoint and service account. */
    public DirectorySettings pointedAt(List<String> otherUrls, String otherBindDn, String otherBindPassword) {
        return new DirectorySettings(otherUrls, LdapSecurity.NONE, Optional.empty(), "", trustStoreType,
                otherBindDn, otherBindPassword, peopleBase, peopleFilter, groupsBase, poolSize, connectTimeout,
                responseTimeout, healthCheckInterval, maxConnectionAge, failbackAfter);
    }

    @Override
    public String toString() {
        return "DirectorySettings[urls=" + urls + ", security=" + security + ", bindDn=" + bindDn
                + ", peopleBase=" + peopleBase + ", poolSize=" + poolSize + "]";
    }
}
