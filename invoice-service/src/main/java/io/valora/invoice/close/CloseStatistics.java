package io.valora.invoice.close;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refreshes the planner statistics of the tables a long close grows, every few chunks.
 *
 * <p>Why it exists: a month-end close can multiply the size of {@code invoices} and
 * {@code invoice_lines} within a minute, faster than autovacuum re-analyzes them. With statistics
 * that still describe the small table, PostgreSQL reads a chunk's invoices (and checks the lines'
 * invoices) by scanning the whole table instead of using the primary key — every chunk slower than
 * the one before. ANALYZE needs the tables' owner: the runtime roles call the owner's
 * {@code valora_analyze_close_tables()} (SECURITY DEFINER, migration V17), granted to the system
 * role alone.
 */
public final class CloseStatistics {

    /** Chunks between two refreshes (the first refresh follows the first chunk). */
    public static final int EVERY_CHUNKS = 10;

    private CloseStatistics() {
    }

    /** True when the statistics should be refreshed after chunk number {@code chunk} (1-based). */
    public static boolean due(int chunk) {
        return chunk % EVERY_CHUNKS == 1;
    }

    /** {@code ANALYZE} of the tables the close writes ({@code invoices, invoice_lines, outbox, subscription_schedule}). */
    public static void refresh(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT valora_analyze_close_tables()");
        }
    }
}
