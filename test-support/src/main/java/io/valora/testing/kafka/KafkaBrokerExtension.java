package io.valora.testing.kafka;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: {@code @ExtendWith(KafkaBrokerExtension.class)} gives a test class the shared
 * real broker; declare an {@link EmbeddedKafkaBroker} parameter to receive it.
 *
 * <p>The broker is held in the root context's store, so it is shared by all classes of the run
 * and closed by JUnit when the run ends, also when tests fail.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    private static EmbeddedKafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Lease.class, k -> new Lease(SharedKafkaBroker.acquire()), Lease.class)
                .broker();
    }

    /** Releases the shared broker when JUnit closes the root store. */
    private record Lease(EmbeddedKafkaBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            SharedKafkaBroker.release();
        }
    }
}
