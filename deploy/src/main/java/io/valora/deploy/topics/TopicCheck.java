package io.valora.deploy.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one topic of the cluster compares with its {@link TopicSpec}.
 *
 * <p>"Satisfies" is deliberately not "equals" where more is as good: more partitions, more replicas, a larger
 * {@code min.insync.replicas} (up to the replicas) and a longer (or unlimited) retention all keep Valora's
 * guarantees. A different cleanup policy never does: a compacted topic that deletes by time loses state, a
 * time-retained one that compacts loses events.
 *
 * @param wanted      the spec
 * @param existing    the topic, empty if the cluster does not have it
 * @param differences one readable line per property that does not satisfy the spec; empty if it does
 */
public record TopicCheck(TopicSpec wanted, Optional<ExistingTopic> existing, List<String> differences) {

    public TopicCheck {
        differences = List.copyOf(differences);
    }

    /** Compares {@code existing} (empty = missing) with {@code wanted}. */
    public static TopicCheck of(TopicSpec wanted, Optional<ExistingTopic> existing) {
        if (existing.isEmpty()) {
            return new TopicCheck(wanted, existing, List.of());
        }
        ExistingTopic actual = existing.get();
        List<String> differences = new ArrayList<>();
        if (actual.partitions() < wanted.partitions()) {
            differences.add("partitions " + actual.partitions() + " < " + wanted.partitions());
        }
        if (actual.replicationFactor() < wanted.replicationFactor()) {
            differences.add("replication factor " + actual.replicationFactor() + " < " + wanted.replicationFactor());
        }
        String wantedIsr = wanted.configs().get(TopicSpec.MIN_INSYNC_REPLICAS);
        String actualIsr = actual.configs().get(TopicSpec.MIN_INSYNC_REPLICAS);
        if (wantedIsr != null && (actualIsr == null || Integer.parseInt(actualIsr) < Integer.parseInt(wantedIsr))) {
            differences.add(TopicSpec.MIN_INSYNC_REPLICAS + " " + actualIsr + " < " + wantedIsr);
        } else if (actualIsr != null && Integer.parseInt(actualIsr) > actual.replicationFactor()) {
            differences.add(TopicSpec.MIN_INSYNC_REPLICAS + " " + actualIsr + " > replication factor "
                    + actual.replicationFactor() + " (every acks=all write is refused)");
        }
        String wantedPolicy = wanted.configs().get(TopicSpec.CLEANUP_POLICY);
        String actualPolicy = actual.configs().get(TopicSpec.CLEANUP_POLICY);
        if (wantedPolicy != null && !policies(wantedPolicy).equals(policies(actualPolicy))) {
            differences.add(TopicSpec.CLEANUP_POLICY + " " + actualPolicy + " != " + wantedPolicy);
        }
        String wantedRetention = wanted.configs().get(TopicSpec.RETENTION_MS);
        String actualRetention = actual.configs().get(TopicSpec.RETENTION_MS);
        if (wantedRetention != null && !retainsAtLeast(actualRetention, Long.parseLong(wantedRetention))) {
            differences.add(TopicSpec.RETENTION_MS + " " + actualRetention + " (" + readable(actualRetention) + ") < "
                    + wantedRetention + " (" + readable(wantedRetention) + ")");
        }
        return new TopicCheck(wanted, existing, differences);
    }

    public boolean missing() {
        return existing.isEmpty();
    }

    public boolean satisfied() {
        return existing.isPresent() && differences.isEmpty();
    }

    private static Set<String> policies(String value) {
        Set<String> set = new TreeSet<>();
        if (value != null) {
            for (String p : value.split(",")) {
                if (!p.isBlank()) {
                    set.add(p.strip());
                }
            }
        }
        return set;
    }

    private static boolean retainsAtLeast(String actual, long wantedMillis) {
        if (actual == null) {
            return false;
        }
        long millis = Long.parseLong(actual);
        return millis < 0 || millis >= wantedMillis;
    }

    /** {@code 3024000000} as {@code 35 d}; {@code -1} as {@code unlimited}. */
    public static String readable(String millis) {
        if (millis == null) {
            return "unset";
        }
        long value = Long.parseLong(millis);
        if (value < 0) {
            return "unlimited";
        }
        Duration d = Duration.ofMillis(value);
        return d.toMillis() % Duration.ofDays(1).toMillis() == 0 ? d.toDays() + " d" : d.toHours() + " h";
    }
}
