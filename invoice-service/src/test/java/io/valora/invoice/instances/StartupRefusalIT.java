package io.valora.invoice.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.testing.kafka.EmbeddedKafkaBroker;
import io.valora.testing.kafka.SharedKafkaBroker;
import io.valora.testing.postgres.EmbeddedPostgresServer;
import io.valora.testing.postgres.SharedEmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged service, given a Kafka setting that would weaken a guarantee through the standard
 * environment variable, does not start, and says which setting it refused.
 */
class StartupRefusalIT {

    private static final Path JAR = Path.of(System.getProperty("valora.test.dir", "target"), "quarkus-app", "quarkus-run.jar");

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void infrastructure() {
        broker = SharedKafkaBroker.acquire();
        postgres = SharedEmbeddedPostgres.acquire();
    }

    @AfterAll
    static void release() {
        SharedEmbeddedPostgres.release();
        SharedKafkaBroker.release();
    }

    @ParameterizedTest
    @CsvSource({"KAFKA_ACKS,1,kafka.acks=1", "KAFKA_ENABLE_IDEMPOTENCE,false,kafka.enable.idempotence=false",
            "KAFKA_ISOLATION_LEVEL,read_uncommitted,kafka.isolation.level=read_uncommitted",
            "VALORA_DB_USER,postgres,'the request database role \"postgres\" (valora.db.user / VALORA_DB_USER) is a superuser'"})
    void refusesToStartWithAWeakenedGuaranteeNamingIt(String variable, String value, String named) throws Exception {
        Path log = JAR.getParent().getParent().resolve("it-logs").resolve("refused-" + variable + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder command = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-Dquarkus.http.port=0",
                "-Dvalora.db.url=" + postgres.jdbcUrl(),
                "-Dvalora.db.migration.user=" + postgres.user(),
                "-Dvalora.db.migration.password=" + postgres.password(),
                "-Dvalora.db.create-login-roles=true",
                "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put(variable, value);
        Process process = command.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited on its own (log: " + log + ")").isTrue();
            assertThat(process.exitValue()).as("exit code").isNotZero();
            assertThat(Files.readString(log)).contains(named);
        } finally {
            process.destroyForcibly();
        }
    }
}
