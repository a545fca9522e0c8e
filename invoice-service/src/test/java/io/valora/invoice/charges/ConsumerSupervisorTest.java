package io.valora.invoice.charges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Whatever ends a consumer session, the supervisor reports it (readiness DOWN with the reason) and
 * starts a new consumer; it never leaves the charges unread for good.
 */
class ConsumerSupervisorTest {

    private static final SessionSettings SETTINGS =
            new SessionSettings("rated-charges", Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @Test
    void restartsTheConsumerAfterAnyExceptionAndReportsDownMeanwhile() {
        ConsumerStatus status = new ConsumerStatus();
        AtomicInteger created = new AtomicInteger();
        ConcurrentLinkedQueue<String> reasons = new ConcurrentLinkedQueue<>();
        ConsumerSupervisor supervisor = new ConsumerSupervisor(() -> {
            MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
            if (created.incrementAndGet() == 1) {
                consumer.setPollException(new KafkaException("broker said no"));
            } else {
                reasons.add(String.valueOf(status.notRunningReason()));
            }
            return consumer;
        }, SETTINGS, noSink(), status, Duration.ofSeconds(1));
        Thread thread = new Thread(supervisor, "supervisor-test");
        thread.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> created.get() >= 2 && status.running());
            assertThat(reasons).first().asString().contains("KafkaException").contains("broker said no").contains("restarting");
            assertThat(status.restartCount()).isEqualTo(1);
            assertThat(status.healthy()).isTrue();
        } finally {
            supervisor.stop();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !thread.isAlive());
        assertThat(status.running()).isFalse();
    }

    @Test
    void isNotHealthyBeforeItRuns() {
        assertThat(new ConsumerStatus().healthy()).isFalse();
    }

    private static ChargeSink noSink() {
        return new ChargeSink() {
            @Override
            public void deadLetter(List<DeadLetter> letters) {
            }

            @Override
            public int store(List<ChargeRow> charges) {
                return 0;
            }
        };
    }

}
