package fr.sesame.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's yardsticks: JMH's results read back, the hash-bound limit, percentiles. */
class HashBudgetTest {

    private static String result(String method, double score) {
        return """
                {
                    "benchmark" : "fr.sesame.bench.HashCosts.%s",
                    "mode" : "avgt",
                    "primaryMetric" : {
                        "score" : %s,
                        "scoreUnit" : "ms/op"
                    }
                }""".formatted(method, score);
    }

    @Test
    void readsEachHashCostAndDerivesTheLimitOfTheMix(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",", result("argon2Hash", 40),
                result("argon2Verify", 50), result("sha512Crypt50000", 60), result("sha512Crypt5000Verify", 6)) + "]");

        HashBudget.Costs costs = HashBudget.read(json);

        assertEquals(new HashBudget.Costs(40, 50, 60, 6), costs);
        // joker 2 verify + 1 hash + 1 crypt + 1 check = 206 ms; activation 50 + 80 + 60 = 190 ms;
        // email link 150 + 80 + 60 + 6 = 296 ms; forgotten login 0; helpdesk 6 ms.
        assertEquals(0.206, Flow.JOKER.hashSeconds(costs), 1e-9);
        assertEquals(0.190, Flow.ACTIVATION.hashSeconds(costs), 1e-9);
        assertEquals(0.296, Flow.EMAIL_LINK.hashSeconds(costs), 1e-9);
        double mix = 0.35 * 0.206 + 0.25 * 0.190 + 0.20 * 0.296 + 0.10 * 0.006;
        assertEquals(mix, HashBudget.secondsPerMixFlow(costs), 1e-9);
        assertEquals(2 / mix, HashBudget.limit(costs, 2), 1e-9);
    }

    @Test
    void aMissingResultIsAnError(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("jmh.json"), "[" + result("argon2Hash", 40) + "]");

        assertThrows(IllegalStateException.class, () -> HashBudget.read(json));
    }

    @Test
    void theMixAddsUpToAHundredPercent() {
        assertEquals(100, Flow.all().stream().mapToInt(Flow::percent).sum());
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> sorted = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertEquals(5, LevelRecords.percentile(sorted, 50));
        assertEquals(10, LevelRecords.percentile(sorted, 95));
        assertEquals(10, LevelRecords.percentile(sorted, 99));
        assertEquals(7, LevelRecords.percentile(List.of(7L), 99));
    }
}
