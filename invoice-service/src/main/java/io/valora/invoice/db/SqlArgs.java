package io.valora.invoice.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Binds the positional arguments of the stores' dynamic queries: instants as UTC timestamps
 * ({@link SqlTime}), everything else as text.
 *
 * <p>Why it exists: the list queries build their {@code WHERE} clause from optional filters, so
 * their arguments arrive as a list; one binder keeps the time-zone rule in one place.
 */
public final class SqlArgs {

    private SqlArgs() {
    }

    /** Binds {@code args} to parameters 1..n. */
    public static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Instant instant) {
                SqlTime.set(ps, i + 1, instant);
            } else {
                ps.setString(i + 1, (String) args.get(i));
            }
        }
    }
}
