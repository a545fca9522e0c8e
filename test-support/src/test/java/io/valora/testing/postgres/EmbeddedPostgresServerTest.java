package io.valora.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void startsARealPostgres15UnderTheGivenFolder() throws Exception {
        Path base = Path.of("target", "postgres-test");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(base);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("15.");
            assertThat(server.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        }
    }
}
