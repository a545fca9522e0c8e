package io.valora.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Bounded waiting: poll a condition until it holds or a deadline passes. Never a sleep used as synchronisation. */
final class Poll {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * Calls {@code condition} until it returns {@code true} or {@code timeout} has passed.
     *
     * @return whether the condition held before the deadline
     * @throws Exception whatever the condition throws: use that to give up early (e.g. the process died)
     */
    static boolean until(Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (Boolean.TRUE.equals(condition.call())) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }
}
