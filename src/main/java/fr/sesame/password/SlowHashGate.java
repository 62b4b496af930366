package fr.sesame.password;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the portal's slow hashes on a few threads of their own, one per core, the others waiting their turn in
 * arrival order, at the lowest CPU priority ({@link LowCpuPriority}). The hashes are slow on purpose and bound
 * the portal's throughput anyway; running more of them at once than there are cores would only multiply the
 * memory in use (each Argon2id takes 7 MiB: hundreds at once would not fit the 512 MB heap the portal runs in).
 * At the lowest priority they use every idle cycle but give way to page rendering at once, so a page that
 * computes no hash answers quickly even while hashes keep every core busy (README, "Benchmark"). Every Argon2id
 * and SHA-512 crypt computation of the portal goes through {@link #SHARED}.
 */
public final class SlowHashGate {

    private static final AtomicInteger GATES = new AtomicInteger();

    /** The gate of the portal: one hashing thread per core the JVM sees. */
    public static final SlowHashGate SHARED = new SlowHashGate(Runtime.getRuntime().availableProcessors());

    private final ExecutorService threads;

    public SlowHashGate(int concurrentHashes) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("At least one hash at a time: " + concurrentHashes);
        }
        int gate = GATES.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(concurrentHashes, task -> {
            Thread thread = new Thread(() -> {
                LowCpuPriority.lowerCurrentThread();
                task.run();
            }, "sesame-slow-hash-" + gate + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Computes {@code hash} on a hashing thread once one is free, and returns its result to the caller. */
    public <T> T run(Supplier<T> hash) {
        Future<T> result = threads.submit(hash::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    // Like the semaphore this gate once was: the hash is waited for, the interrupt kept.
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
