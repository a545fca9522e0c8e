package io.valora.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a {@link LocalStack} has started, in start order, so it is stopped in reverse order (services before
 * PostgreSQL, PostgreSQL before Kafka) whether the stack closes, a start fails half way or Ctrl-C stops it. A
 * restarted process takes its predecessor's place, so the order survives faults.
 */
final class StartedComponents {

    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<String> progress;

    StartedComponents(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Records a component that is ready, and says so. */
    <C extends Component> C add(C component) {
        started.add(component);
        progress.accept("  " + component.summary());
        return component;
    }

    /** Puts a restarted component in the place of its earlier process, so stopping keeps the start order. */
    <C extends Component> C replace(Component old, C component) {
        synchronized (started) {
            int at = started.indexOf(old);
            if (at >= 0) {
                started.set(at, component);
            } else {
                started.add(component);
            }
        }
        progress.accept("  " + component.summary());
        return component;
    }

    /** In start order. */
    List<Component> all() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    /** Stops every component, last started first; a component that cannot be stopped is reported, not thrown. */
    void stopInReverse() {
        List<Component> toStop = all();
        for (int i = toStop.size() - 1; i >= 0; i--) {
            Component component = toStop.get(i);
            long begin = System.nanoTime();
            try {
                component.close();
                progress.accept("  stopped " + component.name() + " in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms");
            } catch (RuntimeException e) {
                progress.accept("  could not stop " + component.name() + " (pid " + component.pid() + "): " + e);
            }
        }
    }
}
