package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * No more slow hashes at once than the gate has permits, every hash of the portal goes through the shared gate, and
 * hashes run at the lowest CPU priority.
 */
class SlowHashGateTest {

    /** Daemon threads, so that a failed test leaves nothing that keeps the JVM alive. */
    private static final java.util.concurrent.Executor THREADS = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "slow-hash-gate-test");
        thread.setDaemon(true);
        return thread;
    });

    @Test
    void neverRunsMoreHashesAtOnceThanItsPermits() {
        SlowHashGate gate = new SlowHashGate(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> hashes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hashes.add(CompletableFuture.supplyAsync(() -> gate.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(50);
                running.decrementAndGet();
                return 1;
            }), THREADS));
        }
        assertEquals(8, hashes.stream().mapToInt(CompletableFuture::join).sum());
        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
    }

    @Test
    void argon2AndCryptWaitForTheSharedGate() throws Exception {
        String cheapArgon2 = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43);
        String cheapCrypt = "$6$rounds=1000$saltsalt$abc";
        // Loaded once beforehand, so that only the gate can hold them back below.
        assertFalse(Argon2Hasher.matches("x", cheapArgon2));
        assertFalse(UserPasswordHasher.cryptMatches("x", cheapCrypt));
        int permits = Runtime.getRuntime().availableProcessors();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(permits);
        List<CompletableFuture<Void>> holders = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            holders.add(CompletableFuture.runAsync(() -> SlowHashGate.SHARED.run(() -> {
                held.countDown();
                await(release);
                return null;
            }), THREADS));
        }
        try {
            assertTrue(held.await(10, TimeUnit.SECONDS), "the test holds every permit");
            CompletableFuture<Boolean> argon2 = CompletableFuture.supplyAsync(() -> Argon2Hasher.matches("x", cheapArgon2),
                    THREADS);
            CompletableFuture<Boolean> crypt = CompletableFuture.supplyAsync(
                    () -> UserPasswordHasher.cryptMatches("x", cheapCrypt),
                    THREADS);

            sleep(300);
            assertFalse(argon2.isDone() || crypt.isDone(), "a hash ran without a permit: Argon2id " + argon2.isDone()
                    + ", SHA-512 crypt " + crypt.isDone());
            release.countDown();
            assertFalse(argon2.get(10, TimeUnit.SECONDS));
            assertFalse(crypt.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            holders.forEach(CompletableFuture::join);
        }
    }

    @Test
    void hashesRunAtTheLowestCpuPriorityAndTheCallerKeepsItsOwn() {
        Optional<Integer> callerNice = LowCpuPriority.currentNice();
        assertTrue(callerNice.isPresent(), "the tests run on Linux");
        assertTrue(callerNice.get() < LowCpuPriority.LOWEST, "the test JVM itself runs at nice " + callerNice.get());

        assertEquals(Optional.of(LowCpuPriority.LOWEST), new SlowHashGate(1).run(LowCpuPriority::currentNice));
        assertEquals(Optional.of(LowCpuPriority.LOWEST), SlowHashGate.SHARED.run(LowCpuPriority::currentNice));
        assertEquals(callerNice, LowCpuPriority.currentNice());
    }

    @Test
    void aFailedHashFailsItsCallerWithTheSameException() {
        IllegalArgumentException failure = new IllegalArgumentException("malformed");
        SlowHashGate gate = new SlowHashGate(1);

        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> gate.run(() -> {
            throw failure;
        })));
        assertEquals("next", gate.run(() -> "next"));
    }

    @Test
    void needsAtLeastOnePermit() {
        assertThrows(IllegalArgumentException.class, () -> new SlowHashGate(0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
