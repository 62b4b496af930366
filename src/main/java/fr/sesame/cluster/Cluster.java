package fr.sesame.cluster;

import fr.sesame.config.SesameConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What the nodes of a Payara cluster share besides sessions. With {@code sesame.cluster.enabled}, the JCache
 * caches of Payara's embedded Hazelcast, the same on every node that joined the cluster; without it, nothing:
 * a single node keeps such state in its own memory.
 */
@ApplicationScoped
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    /** Where Payara publishes the {@link CacheManager} of its Hazelcast data grid. */
    static final String CACHE_MANAGER_JNDI_NAME = "payara/CacheManager";
    /** Secrets every node must agree on, drawn once by the first node that needs each. */
    static final String SECRETS_CACHE = "sesame-secrets";

    private CacheManager caches;

    /** For CDI's proxy only. */
    protected Cluster() {}

    @Inject
    public Cluster(SesameConfig config) {
        if (config.clusterEnabled()) {
            this.caches = payaraCaches();
            LOG.info("Clustered: per-client throttles and shared secrets are kept in the cluster's JCache");
        }
    }

    /** A cluster whose caches are these (tests, or a JCache provider other than Payara's). */
    public Cluster(CacheManager caches) {
        this.caches = caches;
    }

    /** No cluster: a portal running alone. */
    public static Cluster alone() {
        return new Cluster((CacheManager) null);
    }

    /** The cluster's caches; empty when the portal runs as a single node. */
    public Optional<CacheManager> caches() {
        return Optional.ofNullable(caches);
    }

    /**
     * A random secret of {@code length} bytes known by {@code name}: the same on every node of the cluster (the
     * first node that asks draws it; it lives as long as the cluster does). A portal running alone gets a fresh one
     * at each call, for the caller to keep.
     */
    public byte[] secret(String name, int length) {
        byte[] drawn = new byte[length];
        new SecureRandom().nextBytes(drawn);
        if (caches == null) {
            return drawn;
        }
        Cache<String, byte[]> secrets = cache(caches, SECRETS_CACHE,
                new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
        // Whichever node wins the race, every node then reads the winner's secret.
        secrets.putIfAbsent(name, drawn);
        return secrets.get(name).clone();
    }

    /** The cache {@code name}, created with {@code configuration} unless another node created it first. */
    public static <K, V> Cache<K, V> cache(CacheManager caches, String name, MutableConfiguration<K, V> configuration) {
        Cache<K, V> existing = caches.getCache(name, configuration.getKeyType(), configuration.getValueType());
        if (existing != null) {
            return existing;
        }
        try {
            return caches.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            Cache<K, V> created = caches.getCache(name, configuration.getKeyType(), configuration.getValueType());
            if (created == null) {
                throw createdMeanwhile;
            }
            return created;
        }
    }

    private static CacheManager payaraCaches() {
        try {
            return (CacheManager) new InitialContext().lookup(CACHE_MANAGER_JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException(SesameConfig.CLUSTER_ENABLED + " is true but Payara's JCache ("
                    + CACHE_MANAGER_JNDI_NAME + ") is missing: start Payara Micro with clustering, without --nohazelcast", e);
        }
    }
}
