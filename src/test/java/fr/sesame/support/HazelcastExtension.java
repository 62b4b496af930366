package fr.sesame.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link HazelcastPair}, started on first ask and shared by every test class of the run (two
 * members take seconds to start and join), as a parameter of test methods.
 */
public class HazelcastExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HazelcastExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HazelcastPair.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(HazelcastPair.start()), Running.class)
                .pair();
    }

    /** Closed by JUnit when the whole run ends. */
    private record Running(HazelcastPair pair) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            pair.close();
        }
    }
}
