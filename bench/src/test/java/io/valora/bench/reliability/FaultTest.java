package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void shouldRestartThePlainBrokerInEveryRun() {
        assertThat(Fault.schedule(false, 1)).containsExactly(Fault.KILL_RATING_INSTANCE, Fault.RESTART_BROKER,
                Fault.KILL_INVOICE_SERVICE, Fault.RESTART_GATEWAY);
        assertThat(Fault.schedule(false, 2)).isEqualTo(Fault.schedule(false, 1));
    }

    @Test
    void shouldKillABrokerInTheFirstSecuredRunAndTheActiveControllerInTheSecond() {
        assertThat(Fault.schedule(true, 1)).containsExactly(Fault.KILL_RATING_INSTANCE, Fault.KILL_BROKER,
                Fault.KILL_INVOICE_SERVICE, Fault.RESTART_GATEWAY);
        assertThat(Fault.schedule(true, 2)).containsExactly(Fault.KILL_RATING_INSTANCE, Fault.KILL_CONTROLLER,
                Fault.KILL_INVOICE_SERVICE, Fault.RESTART_GATEWAY);
    }
}
