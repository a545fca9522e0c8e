package io.valora.invoice.db;

import java.util.regex.Pattern;

/**
 * The one message an operator reads when the configured PostgreSQL server cannot be reached.
 *
 * <p>Why it exists: a connection failure at start-up otherwise surfaces as a long stack trace
 * from deep inside the pool; this says which URL was tried, what went wrong, and which settings
 * to change — and never prints a password that was put into the URL.
 */
public final class UnreachableDatabase {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");

    private UnreachableDatabase() {
    }

    /** {@code Cannot reach PostgreSQL at <url>: <reason>. Set VALORA_DB_URL ...} for the request role's settings. */
    public static String message(String jdbcUrl, Throwable failure) {
        return message(jdbcUrl, "VALORA_DB_USER and VALORA_DB_PASSWORD", failure);
    }

    /**
     * {@code Cannot reach PostgreSQL at <url>: <reason>. Set VALORA_DB_URL ...}, naming the settings of the role
     * that failed to connect ({@code credentials}, e.g. {@code VALORA_DB_MIGRATION_USER and ..._PASSWORD}).
     */
    public static String message(String jdbcUrl, String credentials, Throwable failure) {
        return "Cannot reach PostgreSQL at " + redact(jdbcUrl) + ": " + reason(failure) + ". "
                + "Set VALORA_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/postgres), " + credentials
                + " to a PostgreSQL server that is running, or start the one configured.";
    }

    /** The URL with any password replaced by {@code ***}. */
    static String redact(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "<no URL configured>";
        }
        String withoutParam = PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(withoutParam).replaceAll("//$1:***@");
    }

    /** The deepest cause's message, which names the real problem (refused, unknown host, bad password). */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = withoutFinalPeriod(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
        if (root != failure && failure.getMessage() != null && !failure.getMessage().contains(message)) {
            message = withoutFinalPeriod(failure.getMessage()) + " (" + message + ")";
        }
        return message.replaceAll("\\s+", " ");
    }

    private static String withoutFinalPeriod(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
