package fr.sesame.security;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes an operation take at least a fixed time, measured from its start, so its duration does not tell
 * which path it took (an unknown identifier answers as slowly as a known one that needed a directory write).
 * The floor must exceed the slowest path in normal conditions; it hides nothing beyond that.
 */
public final class ResponseTimeFloor {

    /** The floor when the configuration says nothing: above a search plus a modify on a healthy directory. */
    public static final Duration DEFAULT = Duration.ofMillis(400);

    private final long floorNanos;

    public ResponseTimeFloor(Duration floor) {
        if (floor.isNegative()) {
            throw new IllegalArgumentException("The response-time floor cannot be negative: " + floor);
        }
        this.floorNanos = floor.toNanos();
    }

    /** No floor: for tests that are not about timing. */
    public static ResponseTimeFloor none() {
        return new ResponseTimeFloor(Duration.ZERO);
    }

    public Duration floor() {
        return Duration.ofNanos(floorNanos);
    }

    /**
     * Runs {@code work} and returns its result (or throws its exception) no sooner than the floor after the
     * call began. An interrupt ends the wait early and is kept on the thread.
     */
    public <T> T apply(Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            waitUntil(start + floorNanos);
        }
    }

    private static void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            try {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
