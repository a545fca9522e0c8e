package io.valora.invoice.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {

    @Test
    void namesTheUrlTheReasonAndTheSettingsToChange() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5999 refused. Check that the hostname and "
                + "port are correct and that the postmaster is accepting TCP/IP connections.", "08001",
                new ConnectException("Connection refused"));

        String message = UnreachableDatabase.message("jdbc:postgresql://127.0.0.1:5999/valora", refused);

        assertThat(message)
                .startsWith("Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:5999/valora: Connection to 127.0.0.1:5999 refused")
                .contains("(Connection refused)")
                .contains("Set VALORA_DB_URL", "VALORA_DB_USER", "VALORA_DB_PASSWORD")
                .doesNotContain("\n");
    }

    @Test
    void neverPrintsAPasswordFromTheUrl() {
        String message = UnreachableDatabase.message(
                "jdbc:postgresql://db.example:5432/valora?user=billing&password=s3cret&ssl=true",
                new SQLException("FATAL: password authentication failed for user \"billing\""));

        assertThat(message).doesNotContain("s3cret").contains("password=***&ssl=true")
                .contains("password authentication failed");
        assertThat(UnreachableDatabase.redact("jdbc:postgresql://billing:s3cret@db:5432/valora"))
                .isEqualTo("jdbc:postgresql://billing:***@db:5432/valora");
    }

    @Test
    void saysWhenNoUrlIsConfigured() {
        assertThat(UnreachableDatabase.message(null, new SQLException("no URL")))
                .startsWith("Cannot reach PostgreSQL at <no URL configured>: no URL.");
    }
}
