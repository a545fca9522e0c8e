package io.valora.billing.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proves that the pinned jqwik engine really executes properties on the JUnit Platform version
 * the Quarkus BOM brings, instead of being silently skipped after a platform upgrade.
 */
class JqwikOnThisPlatformTest {

    static final AtomicInteger TRIES = new AtomicInteger();

    /** Not picked up by surefire (nested); launched explicitly below. */
    static class Sample {
        @Property(tries = 137)
        void countsItsTries(@ForAll int anyNumber) {
            TRIES.incrementAndGet();
        }
    }

    @Test
    void jqwikEngineRunsEveryTryOfAProperty() {
        TRIES.set(0);
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Sample.class))
                .filters(includeEngines("jqwik"))
                .build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(TRIES.get()).isEqualTo(137);
    }
}
