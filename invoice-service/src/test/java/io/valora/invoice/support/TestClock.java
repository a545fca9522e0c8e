package io.valora.invoice.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: fixed at {@link #NOW} (mid-November 2026), so which
 * periods have ended never depends on the day the tests run.
 */
@Singleton
public class TestClock extends Clock {

    /** "Now" for every test: periods up to October 2026 have ended, November 2026 has not. */
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(NOW, zone);
    }

    @Override
    public Instant instant() {
        return NOW;
    }
}
