package io.valora.invoice.lifecycle;

import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.invoice.close.PeriodCloser;
import io.valora.invoice.db.Databases;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Invoice numbers: per tenant, 1, 2, 3, … without gaps or duplicates, even when closes race. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class InvoiceNumberingTest {

    private static final String PERIOD = "2026-11-01T00:00:00Z";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The tables' owner (the test server's superuser): sees and may do everything, as the test needs. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource db;

    @Inject
    PeriodCloser closer;

    @Test
    void concurrentClosesNumberEveryInvoiceOnceWithoutGaps() throws Exception {
        String tenant = "numbers-co";
        int customers = 30;
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            for (int i = 0; i < customers; i++) {
                topic.publish(charge(tenant, "cust-" + i, "api-calls", PERIOD).setAmountMinor(100 + i).build());
            }
            topic.awaitConsumed();
        }
        List<Callable<Integer>> closers = new ArrayList<>();
        for (int worker = 0; worker < 6; worker++) {
            int seed = worker;
            closers.add(() -> {
                if (seed < 2) {
                    return closer.close(tenant, Instant.parse(PERIOD), Optional.empty()).size();
                }
                List<Integer> order = new ArrayList<>(IntStream.range(0, customers).boxed().toList());
                Collections.shuffle(order, new Random(seed));
                int closed = 0;
                for (int i : order) {
                    closed += closer.close(tenant, Instant.parse(PERIOD), Optional.of("cust-" + i)).size();
                }
                return closed;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(closers.size());
        try {
            for (Future<Integer> done : pool.invokeAll(closers, 60, TimeUnit.SECONDS)) {
                assertThat(done.get()).isEqualTo(customers);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers(tenant)).containsExactlyElementsOf(LongStream.rangeClosed(1, customers).boxed().toList());
        assertThat(closer.close(tenant, Instant.parse(PERIOD), Optional.empty())).hasSize(customers);
        assertThat(numbers(tenant)).hasSize(customers);
    }

    @Test
    void aRolledBackCloseGivesItsNumberBack() throws SQLException {
        String tenant = "numbers-rollback-co";
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge(tenant, "first", "api-calls", PERIOD).setAmountMinor(100).build());
            topic.publish(charge(tenant, "second", "api-calls", PERIOD).setAmountMinor(200).build());
            topic.awaitConsumed();
        }
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            closer.close(tenant, Instant.parse(PERIOD), Optional.of("first"));
            throw new IllegalStateException("crash before commit");
        })).hasMessageContaining("crash");

        closer.close(tenant, Instant.parse(PERIOD), Optional.of("second"));
        closer.close(tenant, Instant.parse(PERIOD), Optional.of("first"));

        assertThat(numbers(tenant)).containsExactly(1L, 2L);
        assertThat(numberOf(tenant, "second")).isEqualTo(1L);
    }

    private List<Long> numbers(String tenant) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT number FROM invoices WHERE tenant = ? ORDER BY number")) {
            ps.setString(1, tenant);
            List<Long> numbers = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getLong(1));
                }
            }
            return numbers;
        }
    }

    private long numberOf(String tenant, String customer) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT number FROM invoices WHERE tenant = ? AND customer = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, customer);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
