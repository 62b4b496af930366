package fr.sesame.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the virtual users of each level did, as seen from the harness: when the level's first flow started and
 * its last one ended (the window the portal's CPU time is read over), and how many flows of each kind
 * completed or failed.
 */
final class LevelRecords {

    static final String WARMUP = "warmup";

    private static final class Level {
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final Map<Flow, AtomicInteger> completed = new ConcurrentHashMap<>();
        final Map<Flow, AtomicInteger> failed = new ConcurrentHashMap<>();
    }

    private final Map<String, Level> levels = new ConcurrentHashMap<>();

    void started(String level) {
        long now = System.nanoTime();
        levels.computeIfAbsent(level, key -> new Level()).first.accumulateAndGet(now, Math::min);
    }

    void ended(String level, Flow flow, boolean completed) {
        long now = System.nanoTime();
        Level record = levels.computeIfAbsent(level, key -> new Level());
        record.last.accumulateAndGet(now, Math::max);
        (completed ? record.completed : record.failed).computeIfAbsent(flow, key -> new AtomicInteger()).incrementAndGet();
    }

    /** Writes the levels' windows, counts, CPU seconds and memory peaks, and the start-up time. */
    void write(BenchSettings settings, PortalUnderLoad portal) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("directory", settings.directory());
        out.put("heap", settings.heap());
        out.put("startup.seconds", format(portal.startup().toMillis() / 1000.0));
        out.put("levels", String.join(",", settings.levels().stream().map(users -> "u" + users).toList()));
        out.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        for (Map.Entry<String, Level> entry : levels.entrySet()) {
            String prefix = "level." + entry.getKey() + ".";
            Level level = entry.getValue();
            long from = level.first.get();
            long to = level.last.get();
            out.put(prefix + "seconds", format((to - from) / 1e9));
            out.put(prefix + "cpu.seconds", format(portal.sampler().cpuSeconds(from, to)));
            out.put(prefix + "rss.peak.mib", format(portal.sampler().peakRssMib(from, to)));
            for (Flow flow : Flow.values()) {
                out.put(prefix + flow.key() + ".completed", Integer.toString(count(level.completed, flow)));
                out.put(prefix + flow.key() + ".failed", Integer.toString(count(level.failed, flow)));
            }
        }
        Properties properties = new Properties();
        properties.putAll(out);
        Path file = settings.outDir().resolve("portal.properties");
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Sésame load benchmark: the portal's side of the run (RentreeMorning)");
        }
    }

    private static int count(Map<Flow, AtomicInteger> counts, Flow flow) {
        AtomicInteger count = counts.get(flow);
        return count == null ? 0 : count.get();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
