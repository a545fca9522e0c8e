package io.valora.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Free loopback ports for a whole stack, chosen at once so no two components get the same one: for tests and
 * side-by-side stacks ({@link LocalStackSettings.Ports#free()}), and for rating-streams instances beyond the first.
 */
final class StackPorts {

    private StackPorts() {
    }

    /** {@code count} distinct ports that are free right now. */
    static Integer[] distinctFree(int count) {
        Set<Integer> distinct = new LinkedHashSet<>();
        while (distinct.size() < count) {
            distinct.add(Loopback.freePort());
        }
        return distinct.toArray(Integer[]::new);
    }

    /** {@code count} free ports, none of them one of {@code ports}. */
    static List<Integer> freeBesides(LocalStackSettings.Ports ports, int count) {
        Set<Integer> taken = new HashSet<>(List.of(ports.kafka(), ports.kafkaController(),
                ports.postgres(), ports.ingestGateway(), ports.ratingStreams(), ports.invoiceService()));
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            int port = Loopback.freePort();
            if (taken.add(port)) {
                chosen.add(port);
            }
        }
        return chosen;
    }
}
