package io.valora.bench.reliability;

import io.valora.deploy.LocalStack;
import io.valora.deploy.LocalStackSettings;

/** One fault of the schedule, applied to the running stack through {@link LocalStack}'s fault methods. */
public enum Fault {

    /** SIGKILL the second rating-streams instance, then start it again on its old state folder. */
    KILL_RATING_INSTANCE {
        @Override
        void apply(LocalStack stack) {
            String name = LocalStackSettings.ratingInstanceName(2);
            stack.killService(name);
            stack.restartService(name);
        }
    },
    /** Stop the broker cleanly and start it again on the same data folder. */
    RESTART_BROKER {
        @Override
        void apply(LocalStack stack) {
            stack.stopBroker();
            stack.startBroker();
        }
    },
    /** SIGKILL invoice-service, then start it again. */
    KILL_INVOICE_SERVICE {
        @Override
        void apply(LocalStack stack) {
            stack.killService(LocalStack.INVOICE_SERVICE);
            stack.restartService(LocalStack.INVOICE_SERVICE);
        }
    },
    /** Stop the gateway cleanly and start it again (clients see refused connections meanwhile). */
    RESTART_GATEWAY {
        @Override
        void apply(LocalStack stack) {
            stack.restartService(LocalStack.INGEST_GATEWAY);
        }
    };

    abstract void apply(LocalStack stack);
}
