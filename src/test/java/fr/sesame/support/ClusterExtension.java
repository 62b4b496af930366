package fr.sesame.support;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link PortalCluster} (two clustered nodes, started at once, stopped after the class) as
 * a test parameter, whole at the start of every test: a node a test stopped is started again before the next.
 * Per-client throttling allows 3 failures, so that a test can reach the limit quickly.
 */
public class ClusterExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    /** The per-client limit on the nodes. */
    public static final int CLIENT_MAX_FAILURES = 3;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster(context).restoreStoppedNodes();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PortalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The test class's cluster, started on first ask. */
    public static PortalCluster cluster(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(PortalCluster.start(
                        Map.of("sesame.throttle.client.max-failures", String.valueOf(CLIENT_MAX_FAILURES)))), Running.class)
                .cluster();
    }

    /** Closed by JUnit after the class. */
    private record Running(PortalCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
