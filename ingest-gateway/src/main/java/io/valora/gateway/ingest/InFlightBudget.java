package io.valora.gateway.ingest;

import java.util.concurrent.Semaphore;

/**
 * Bounds the request bytes the gateway holds at once (parsed trees and records waiting for the
 * broker's acknowledgement). When the broker slows down, requests are turned away with a 503
 * instead of piling up until the heap runs out.
 */
public final class InFlightBudget {

    private final Semaphore permits;
    private final int capacity;

    public InFlightBudget(long maxBytes) {
        this.capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes));
        this.permits = new Semaphore(capacity);
    }

    /** Reserves {@code bytes} without waiting; false when the budget is spent. Release what you got. */
    public boolean tryAcquire(int bytes) {
        return permits.tryAcquire(weight(bytes));
    }

    public void release(int bytes) {
        permits.release(weight(bytes));
    }

    /** A request larger than the whole budget still gets through when nothing else is in flight. */
    private int weight(int bytes) {
        return Math.max(1, Math.min(bytes, capacity));
    }
}
