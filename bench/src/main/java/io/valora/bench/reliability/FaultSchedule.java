package io.valora.bench.reliability;

import io.valora.deploy.LocalStack;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Applies every {@link Fault} while events are being sent: the phase is cut into one slice more than there are
 * faults; after the first slice, each fault starts on its own thread and the next slice is sent at the same time,
 * so events arrive while the process is down or restarting (the sender retries what is refused). The next fault
 * starts only once the previous one has finished (its process is ready again).
 */
public final class FaultSchedule {

    private FaultSchedule() {
    }

    /**
     * Sends {@code events} with {@code send} while applying every fault; returns a line per fault (what, after how
     * many events, how long it took).
     */
    public static List<String> during(LocalStack stack, List<HarnessEvent> events, Consumer<List<HarnessEvent>> send,
            PrintStream out) {
        Fault[] faults = Fault.values();
        int slices = faults.length + 1;
        List<String> applied = new ArrayList<>();
        int sent = slice(events, 0, slices).size();
        send.accept(slice(events, 0, slices));
        for (int i = 0; i < faults.length; i++) {
            Fault fault = faults[i];
            out.printf("  fault %s after %d/%d events%n", fault, sent, events.size());
            long begin = System.nanoTime();
            CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> fault.apply(stack));
            List<HarnessEvent> during = slice(events, i + 1, slices);
            send.accept(during);
            try {
                applying.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("fault " + fault + " could not be applied: " + e.getCause().getMessage(),
                        e.getCause());
            }
            applied.add("%s after %d/%d events, %d events sent meanwhile, %d ms".formatted(fault, sent, events.size(),
                    during.size(), (System.nanoTime() - begin) / 1_000_000));
            sent += during.size();
        }
        return applied;
    }

    private static List<HarnessEvent> slice(List<HarnessEvent> events, int index, int slices) {
        int from = events.size() * index / slices;
        int to = events.size() * (index + 1) / slices;
        return events.subList(from, to);
    }
}
