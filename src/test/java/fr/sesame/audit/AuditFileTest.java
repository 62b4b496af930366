package fr.sesame.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit file a SIEM reads: one whole JSON object per line, appended, rotated only when asked. */
class AuditFileTest {

    @TempDir
    Path dir;

    private final AuditFile file = new AuditFile();
    /** {@link AuditTrail#log} only writes to the logger; it never reads the directory. */
    private final AuditTrail trail = new AuditTrail(null);

    private final Logger logger = Logger.getLogger(AuditTrail.LOGGER);
    private boolean toConsole;

    @BeforeEach
    void quiet() {
        // Thousands of records: the console need not show them.
        toConsole = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void close() {
        file.close();
        logger.setUseParentHandlers(toConsole);
    }

    private static AuditRecord record(int n, String padding) {
        return AuditRecord.of(Instant.parse("2026-09-01T08:00:00Z").plusSeconds(n), AuditEvent.PASSWORD_CHANGED, true,
                "agent." + n, "192.0.2." + (n % 250), "person." + n, Map.of("flow", "joker", "note", padding));
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    private static List<String> lines(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "every line ends with a line feed");
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    @Test
    void eachRecordIsOneJsonObjectOnALineOfItsOwnAndNothingElse() throws Exception {
        Path path = dir.resolve("audit/sesame-audit.jsonl");
        file.open(new AuditFileSettings(path, 0, 1));
        AuditRecord record = record(1, "a line\nbreak and \"quotes\" stay inside the string");

        trail.log(record);

        List<String> lines = lines(path);
        assertEquals(1, lines.size());
        JsonObject json = parse(lines.get(0));
        assertEquals(record.id(), json.getString("id"));
        assertEquals("password-changed", json.getString("event"));
        assertEquals("agent.1", json.getString("actor"));
        assertEquals(record, AuditRecord.fromJson(lines.get(0)).orElseThrow());
    }

    @Test
    void recordsOfConcurrentRequestsNeverShareALine() throws Exception {
        Path path = dir.resolve("sesame-audit.jsonl");
        file.open(new AuditFileSettings(path, 0, 1));
        int threads = 8;
        int each = 250;
        // Long records, so that a torn write would show.
        String padding = "x".repeat(4000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            done.add(pool.submit(() -> {
                start.await();
                for (int n = first; n < first + each; n++) {
                    trail.log(record(n, padding));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        List<String> lines = lines(path);
        assertEquals(threads * each, lines.size());
        Set<String> actors = new HashSet<>();
        for (String line : lines) {
            JsonObject json = parse(line);
            assertEquals(padding, json.getJsonObject("details").getString("note"));
            actors.add(json.getString("actor"));
        }
        assertEquals(threads * each, actors.size(), "every record once");
    }

    @Test
    void theFileIsAppendedToAcrossRestarts() throws Exception {
        Path path = dir.resolve("sesame-audit.jsonl");
        Files.writeString(path, record(0, "").toJson() + "\n", StandardCharsets.UTF_8);

        file.open(new AuditFileSettings(path, 0, 1));
        trail.log(record(1, ""));
        file.close();
        file.open(new AuditFileSettings(path, 0, 1));
        trail.log(record(2, ""));

        assertEquals(List.of("agent.0", "agent.1", "agent.2"),
                lines(path).stream().map(line -> parse(line).getString("actor")).toList());
    }

    @Test
    void aClosedFileReceivesNothingMore() throws Exception {
        Path path = dir.resolve("sesame-audit.jsonl");
        file.open(new AuditFileSettings(path, 0, 1));
        trail.log(record(1, ""));

        file.close();
        trail.log(record(2, ""));

        assertEquals(1, lines(path).size());
        assertEquals(0, logger.getHandlers().length);
    }

    @Test
    void aFullFileIsRotatedAndEveryFileHoldsWholeLines() throws Exception {
        Path path = dir.resolve("sesame-audit.jsonl");
        file.open(new AuditFileSettings(path, 2_000, 3));

        for (int n = 0; n < 40; n++) {
            trail.log(record(n, "y".repeat(100)));
        }

        List<String> newest = lines(dir.resolve("sesame-audit.jsonl.0"));
        assertTrue(Files.exists(dir.resolve("sesame-audit.jsonl.2")));
        assertTrue(Files.notExists(dir.resolve("sesame-audit.jsonl.3")), "three files kept");
        assertEquals("agent.39", parse(newest.get(newest.size() - 1)).getString("actor"));
        for (String name : List.of("sesame-audit.jsonl.0", "sesame-audit.jsonl.1", "sesame-audit.jsonl.2")) {
            assertTrue(Files.size(dir.resolve(name)) < 2_000 + 400, name);
            lines(dir.resolve(name)).forEach(AuditFileTest::parse);
        }
    }

    @Test
    void rotatingNeedsAtLeastTwoFiles() {
        assertThrows(IllegalArgumentException.class, () -> new AuditFileSettings(dir.resolve("a"), 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> new AuditFileSettings(dir.resolve("a"), -1, 3));
    }
}
