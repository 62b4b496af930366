package fr.sesame.support;

import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;

/**
 * Two Hazelcast members in the test's JVM forming one cluster, each with its own JCache {@link CacheManager}: the
 * JCache provider Payara embeds, as two portal nodes see it. The cluster has a name of its own and finds its
 * members by TCP/IP on 127.0.0.1 only (never multicast), so nobody else's instances on this machine join it.
 */
public final class HazelcastPair implements AutoCloseable {

    private final List<HazelcastInstance> members;
    private final List<CachingProvider> providers;
    private final List<CacheManager> caches;

    private HazelcastPair(List<HazelcastInstance> members) {
        this.members = members;
        this.providers = members.stream().map(member -> (CachingProvider) new HazelcastServerCachingProvider(member)).toList();
        this.caches = providers.stream().map(CachingProvider::getCacheManager).toList();
    }

    /** Starts both members and returns when they have joined each other. */
    public static HazelcastPair start() {
        String clusterName = "sesame-test-" + UUID.randomUUID();
        int first = freePort();
        int second = freePort();
        HazelcastInstance one = member(clusterName, first, second);
        HazelcastPair pair = new HazelcastPair(List.of(one, member(clusterName, second, first)));
        if (pair.members.get(0).getCluster().getMembers().size() != 2) {
            pair.close();
            throw new IllegalStateException("The two Hazelcast members did not join each other");
        }
        return pair;
    }

    /** The caches as the first node sees them. */
    public CacheManager first() {
        return caches.get(0);
    }

    /** The caches as the second node sees them. */
    public CacheManager second() {
        return caches.get(1);
    }

    private static HazelcastInstance member(String clusterName, int port, int otherPort) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "none");
        // The member list is all there is to wait for: no multicast, no cloud discovery.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + otherPort);
        return Hazelcast.newHazelcastInstance(config);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        providers.forEach(CachingProvider::close);
        members.forEach(HazelcastInstance::shutdown);
    }
}
