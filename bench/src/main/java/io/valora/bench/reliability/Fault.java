package io.valora.bench.reliability;

import io.valora.deploy.LocalStack;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.SecureCluster;
import java.util.List;

/**
 * One fault of the schedule, applied to the running stack through {@link LocalStack}'s fault methods. Which
 * faults a run gets depends on its stack ({@link #schedule}): the plain stack has one broker to restart, the
 * secured one three, of which one is SIGKILLed.
 */
public enum Fault {

    /** SIGKILL the second rating-streams instance, then start it again on its old state folder. */
    KILL_RATING_INSTANCE {
        @Override
        String apply(LocalStack stack) {
            String name = LocalStackSettings.ratingInstanceName(2);
            stack.killService(name);
            stack.restartService(name);
            return "";
        }
    },
    /** Plain stack: stop the broker cleanly and start it again on the same data folder. */
    RESTART_BROKER {
        @Override
        String apply(LocalStack stack) {
            stack.stopBroker();
            stack.startBroker();
            return "";
        }
    },
    /**
     * Secured stack: SIGKILL one broker that is not the active controller (leader of some partitions, a follower
     * of the others), wait until the cluster has fenced it, then start it again on its data folder; done once it has
     * caught up (every replica in sync).
     */
    KILL_BROKER {
        @Override
        String apply(LocalStack stack) {
            SecureCluster cluster = stack.secureCluster().orElseThrow();
            int controller = cluster.activeControllerId();
            int victim = cluster.nodes().stream().mapToInt(SecureCluster.Node::id).filter(id -> id != controller)
                    .findFirst().orElseThrow();
            long begin = System.nanoTime();
            stack.killKafkaNode(victim);
            stack.startKafkaNode(victim);
            return "node %d (the controller is node %d), back in sync after %d ms".formatted(victim, controller,
                    (System.nanoTime() - begin) / 1_000_000);
        }
    },
    /**
     * Secured stack: SIGKILL the active KRaft controller (the metadata quorum's leader, also a broker), so the
     * quorum elects another while brokers lose a leader of partitions; once it is fenced, start it again.
     */
    KILL_CONTROLLER {
        @Override
        String apply(LocalStack stack) {
            SecureCluster cluster = stack.secureCluster().orElseThrow();
            int controller = cluster.activeControllerId();
            long begin = System.nanoTime();
            stack.killKafkaNode(controller);
            int elected = cluster.activeControllerId();
            stack.startKafkaNode(controller);
            return "active controller node %d, node %d elected meanwhile, back in sync after %d ms".formatted(
                    controller, elected, (System.nanoTime() - begin) / 1_000_000);
        }
    },
    /** SIGKILL invoice-service, then start it again. */
    KILL_INVOICE_SERVICE {
        @Override
        String apply(LocalStack stack) {
            stack.killService(LocalStack.INVOICE_SERVICE);
            stack.restartService(LocalStack.INVOICE_SERVICE);
            return "";
        }
    },
    /** Stop the gateway cleanly and start it again (clients see refused connections meanwhile). */
    RESTART_GATEWAY {
        @Override
        String apply(LocalStack stack) {
            stack.restartService(LocalStack.INGEST_GATEWAY);
            return "";
        }
    };

    /** Applies the fault and returns once every process it touched is ready again; a detail for the report. */
    abstract String apply(LocalStack stack);

    /**
     * The faults of run {@code run} (1-based), in order: on the plain stack always rating, broker restart, invoice,
     * gateway; on the secured stack the broker fault is a SIGKILL of a broker in run 1 and of the active controller
     * in run 2 (so the two runs of the determinism check cover both).
     */
    public static List<Fault> schedule(boolean secure, int run) {
        Fault broker = !secure ? RESTART_BROKER : run % 2 == 1 ? KILL_BROKER : KILL_CONTROLLER;
        return List.of(KILL_RATING_INSTANCE, broker, KILL_INVOICE_SERVICE, RESTART_GATEWAY);
    }
}
