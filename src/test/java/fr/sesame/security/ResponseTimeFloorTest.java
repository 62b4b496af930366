package fr.sesame.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseTimeFloorTest {

    private static final Duration FLOOR = Duration.ofMillis(150);

    @Test
    void aFastOperationIsHeldUntilTheFloor() {
        long start = System.nanoTime();

        String result = new ResponseTimeFloor(FLOOR).apply(() -> "done");

        assertEquals("done", result);
        assertTrue(System.nanoTime() - start >= FLOOR.toNanos());
    }

    @Test
    void aFailingOperationIsHeldToo() {
        long start = System.nanoTime();

        assertThrows(IllegalStateException.class, () -> new ResponseTimeFloor(FLOOR).apply(() -> {
            throw new IllegalStateException("directory down");
        }));

        assertTrue(System.nanoTime() - start >= FLOOR.toNanos());
    }

    @Test
    void anOperationSlowerThanTheFloorIsNotDelayedFurther() {
        long start = System.nanoTime();

        new ResponseTimeFloor(Duration.ofMillis(10)).apply(() -> {
            sleep(200);
            return null;
        });

        assertTrue(System.nanoTime() - start < Duration.ofMillis(200 + 150).toNanos());
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseTimeFloor(Duration.ofMillis(-1)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
