package io.valora.bench.reliability;

import io.valora.deploy.LocalStack;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Applies a run's {@link Fault}s while events are being sent: the phase is cut into one slice more than there are
 * faults; after the first slice, each fault starts on its own thread and the next slice is sent at the same time,
 * so events arrive while the process is down or restarting (the sender retries what is refused). The next fault
 * starts only once the previous one has finished (its process is ready again).
 */
public final class FaultSchedule {

    private FaultSchedule() {
    }

    /**
     * Sends {@code events} with {@code send} while applying {@code faults} in order; returns a line per fault (what,
     * after how many events, how long it took, and the fault's own detail, e.g. which node).
     */
    public static List<String> during(LocalStack stack, List<Fault> faults, List<HarnessEvent> events,
            Consumer<List<HarnessEvent>> send, PrintStream out) {
        int slices = faults.size() + 1;
        List<String> applied = new ArrayList<>();
        int sent = slice(events, 0, slices).size();
        send.accept(slice(events, 0, slices));
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            out.printf("  fault %s after %d/%d events%n", fault, sent, events.size());
            long begin = System.nanoTime();
            CompletableFuture<String> applying = CompletableFuture.supplyAsync(() -> fault.apply(stack));
            List<HarnessEvent> during = slice(events, i + 1, slices);
            send.accept(during);
            String detail;
            try {
                detail = applying.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("fault " + fault + " could not be applied: " + e.getCause().getMessage(),
                        e.getCause());
            }
            applied.add("%s after %d/%d events, %d events sent meanwhile, %d ms%s".formatted(fault, sent, events.size(),
                    during.size(), (System.nanoTime() - begin) / 1_000_000, detail.isEmpty() ? "" : ": " + detail));
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
