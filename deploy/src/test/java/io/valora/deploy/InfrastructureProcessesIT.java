package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The broker and PostgreSQL as real OS processes: they serve, they keep their data, they leave nothing behind. */
class InfrastructureProcessesIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String TOPIC = "it-records";

    @Test
    void brokerAndPostgresKeepTheirDataAcrossARestartAndLeaveNoProcessBehind() throws Exception {
        Path dataDir = TestDirs.fresh("infrastructure");
        LocalStackSettings settings = LocalStackSettings.builder(TestDirs.repoRoot())
                .dataDir(dataDir).ports(LocalStackSettings.Ports.free()).withServices(false).build();
        RuntimeClasspath classpath = RuntimeClasspath.load(settings.runtimeClasspathFile());
        List<Long> pids = new ArrayList<>();

        try (KafkaProcess kafka = KafkaProcess.start(settings.kafka(), classpath, START);
                PostgresProcess postgres = PostgresProcess.start(settings.postgres(), classpath, START)) {
            pids.addAll(List.of(kafka.pid(), postgres.pid()));
            System.out.println("first start:  " + kafka.summary() + " | " + postgres.summary());
            assertThat(kafka.rssBytes()).isPositive();
            assertThat(postgres.rssBytes()).isPositive();

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all().get();
            }
            produce(kafka.bootstrapServers(), "customer-1", "42");
            assertThat(consumeAll(kafka.bootstrapServers(), "first")).containsExactly("customer-1=42");

            try (Connection db = connect(postgres); Statement sql = db.createStatement()) {
                assertThat(single(sql, "select 1")).isEqualTo("1");
                sql.execute("create table kept (v text)");
                sql.execute("insert into kept values ('survives')");
            }
        }
        assertNothingLeft(settings, pids);

        try (KafkaProcess kafka = KafkaProcess.start(settings.kafka(), classpath, START);
                PostgresProcess postgres = PostgresProcess.start(settings.postgres(), classpath, START)) {
            pids.addAll(List.of(kafka.pid(), postgres.pid()));
            System.out.println("second start: " + kafka.summary() + " | " + postgres.summary());

            assertThat(consumeAll(kafka.bootstrapServers(), "second")).containsExactly("customer-1=42");
            try (Connection db = connect(postgres); Statement sql = db.createStatement()) {
                assertThat(single(sql, "select v from kept")).isEqualTo("survives");
            }
        }
        assertNothingLeft(settings, pids);
    }

    private static void assertNothingLeft(LocalStackSettings settings, List<Long> pids) {
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty();
        }
        assertThat(PostgresProcess.serverProcesses(settings.postgres())).isEmpty();
        assertThat(TestDirs.liveChildren()).isEmpty();
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic from the start with a new group until one record arrived or 20 s passed. */
    private static List<String> consumeAll(String bootstrap, String group) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(TOPIC));
            Poll.until(Duration.ofSeconds(20), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    private static Connection connect(PostgresProcess postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
