package fr.sesame.password;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most one slow hash per core run at a time, the others waiting their turn in arrival order. The
 * hashes are slow on purpose and bound the portal's throughput anyway; running more of them at once than there
 * are cores only slows every other page (a cheap page shares the CPU with every hash in flight) and multiplies
 * the memory in use (each Argon2id takes 19 MiB: a hundred at once would not fit the 512 MB heap the portal
 * runs in). Every Argon2id and SHA-512 crypt computation of the portal goes through {@link #SHARED}.
 */
public final class SlowHashGate {

    /** The gate of the portal: one permit per core the JVM sees. */
    public static final SlowHashGate SHARED = new SlowHashGate(Runtime.getRuntime().availableProcessors());

    private final Semaphore permits;

    public SlowHashGate(int concurrentHashes) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("At least one hash at a time: " + concurrentHashes);
        }
        this.permits = new Semaphore(concurrentHashes, true);
    }

    /** Computes {@code hash} once a permit is free. */
    public <T> T run(Supplier<T> hash) {
        permits.acquireUninterruptibly();
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }
}
