package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sesame.directory.EmbeddedDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Two portal nodes forming one Payara cluster with Payara's own Hazelcast, sharing one directory and one SMTP
 * server of the test, behind an {@link HttpForwarder} that sends each page to the other node than the last.
 *
 * <p>The cluster has a name of its own and finds its members by TCP/IP on 127.0.0.1 only (never multicast), so
 * that no other Payara on this machine joins it. Host-aware partitioning is off: both members share one address,
 * and with it on, neither would keep a backup of the other's sessions.
 */
public final class PortalCluster implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(2);
    /** What Payara logs when its node sees both members of the data grid. */
    private static final String TWO_MEMBERS = "DG Size: 2";

    private final EmbeddedDirectory directory;
    private final GreenMail mail;
    private final List<PortalProcess> nodes;
    private final HttpForwarder forwarder;

    private PortalCluster(EmbeddedDirectory directory, GreenMail mail, List<PortalProcess> nodes, HttpForwarder forwarder) {
        this.directory = directory;
        this.mail = mail;
        this.nodes = nodes;
        this.forwarder = forwarder;
    }

    /** Starts both nodes at once, with these settings on each, and returns when they serve pages as one cluster. */
    public static PortalCluster start(Map<String, String> settings) {
        EmbeddedDirectory directory = EmbeddedDirectory.start(0);
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        String clusterName = "sesame-test-" + UUID.randomUUID();
        int[] clusterPorts = {PortalProcess.freePort(), PortalProcess.freePort()};
        String members = "127.0.0.1:" + clusterPorts[0] + ",127.0.0.1:" + clusterPorts[1];
        List<PortalProcess.Launch> launches = List.of(
                node(directory, mail, 1, clusterName, members, clusterPorts[0], settings),
                node(directory, mail, 2, clusterName, members, clusterPorts[1], settings));
        HttpForwarder forwarder = HttpForwarder.to(launches.stream().map(PortalProcess.Launch::url).toList());
        launches.forEach(launch -> launch.property("sesame.public-base-url", forwarder.url()));
        List<PortalProcess> nodes = launches.stream().map(PortalProcess.Launch::start).toList();
        PortalCluster cluster = new PortalCluster(directory, mail, nodes, forwarder);
        try {
            CompletableFuture.allOf(nodes.stream()
                    .map(node -> CompletableFuture.runAsync(node::awaitHomePage))
                    .toArray(CompletableFuture[]::new)).join();
            awaitEitherSeesBoth(nodes);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static PortalProcess.Launch node(EmbeddedDirectory directory, GreenMail mail, int number, String clusterName,
            String members, int clusterPort, Map<String, String> settings) {
        PortalProcess.Launch launch = PortalProcess.serving(directory, mail)
                .host("127.0.0.1")
                .log("portal-node-" + number + ".log")
                .property("sesame.cluster.enabled", "true")
                .postBootCommands("cluster-post-boot-commands.asadmin")
                .options("--name", "node-" + number,
                        "--clustername", clusterName,
                        "--clustermode", "tcpip:" + members,
                        "--startport", String.valueOf(clusterPort),
                        "--interfaces", "127.0.0.1",
                        "--nohostaware");
        settings.forEach(launch::property);
        return launch;
    }

    /**
     * Waits until one node logs both members. The members of a Hazelcast cluster agree on who is in it, so one
     * node is enough; and a node that sees the other join while it is still booting may never log it (seen in CI).
     */
    private static void awaitEitherSeesBoth(List<PortalProcess> nodes) {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (nodes.stream().noneMatch(node -> node.hasLogged(TWO_MEMBERS))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No node logged '" + TWO_MEMBERS + "' within " + JOIN_TIMEOUT
                        + ": see target/portal-node-1.log and target/portal-node-2.log");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A node started again joins the other, still running: its own first data-grid log shows both. */
    private static void awaitClustered(PortalProcess node) {
        node.awaitHomePage().awaitLog(TWO_MEMBERS, JOIN_TIMEOUT);
    }

    /** The address people use: the forwarder's. */
    public String url() {
        return forwarder.url();
    }

    public String url(String path) {
        return url() + (path.startsWith("/") ? path : "/" + path);
    }

    /** Node 1 or 2. */
    public PortalProcess node(int number) {
        return nodes.get(number - 1);
    }

    /** How many pages node 1 or 2 has served through the forwarder. */
    public int pagesServedBy(int number) {
        return forwarder.pagesServedBy(node(number).url());
    }

    public EmbeddedDirectory directory() {
        return directory;
    }

    public GreenMail mail() {
        return mail;
    }

    /** Starts again, at once, any node a test stopped, and returns when the pair is one cluster again. */
    public void restoreStoppedNodes() {
        List<PortalProcess> stopped = nodes.stream().filter(node -> !node.isAlive()).toList();
        CompletableFuture.allOf(stopped.stream()
                .map(node -> CompletableFuture.runAsync(() -> awaitClustered(node.restart())))
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        CompletableFuture.allOf(nodes.stream()
                .map(node -> CompletableFuture.runAsync(node::stop))
                .toArray(CompletableFuture[]::new)).join();
        forwarder.close();
        mail.stop();
        directory.close();
    }
}
