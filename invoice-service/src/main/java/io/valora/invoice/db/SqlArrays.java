package io.valora.invoice.db;

import java.util.Collection;
import org.jdbi.v3.core.argument.Argument;

/**
 * A SQL array argument of an explicit PostgreSQL element type ({@code text}, {@code timestamptz}),
 * made by the driver from the statement's own connection.
 *
 * <p>Why it exists: the set-based statements ({@code = ANY (?)}, {@code unnest(?::text[], ...)})
 * must bind exactly the array type their SQL names, with nulls kept as nulls, as plain JDBC's
 * {@code createArrayOf} did before the stores moved to Jdbi.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** An array of {@code type} holding {@code values} in order. */
    public static Argument of(String type, Collection<?> values) {
        Object[] elements = values.toArray();
        return (position, statement, ctx) -> statement.setArray(position,
                statement.getConnection().createArrayOf(type, elements));
    }
}
