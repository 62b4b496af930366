package fr.sesame.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        /** Milliseconds of each successful step, by "flow step"; failures, by the step that failed. */
        final Map<String, List<Long>> steps = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> stepFailures = new ConcurrentHashMap<>();
    }

    private final Map<String, Level> levels = new ConcurrentHashMap<>();

    void started(String level) {
        long now = System.nanoTime();
        levels.computeIfAbsent(level, key -> new Level()).first.accumulateAndGet(now, Math::min);
    }

    void ended(String level, Flow flow, boolean completed, String lastStep) {
        long now = System.nanoTime();
        Level record = levels.computeIfAbsent(level, key -> new Level());
        record.last.accumulateAndGet(now, Math::max);
        (completed ? record.completed : record.failed).computeIfAbsent(flow, key -> new AtomicInteger()).incrementAndGet();
        if (!completed) {
            record.stepFailures.computeIfAbsent(flow.key() + " " + lastStep, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    void step(String level, String flow, String step, long millis) {
        List<Long> times = levels.computeIfAbsent(level, key -> new Level()).steps
                .computeIfAbsent(flow + " " + step, key -> Collections.synchronizedList(new ArrayList<>()));
        times.add(millis);
    }

    /** Writes the levels' windows, counts, CPU seconds and memory peaks, and the start-up time. */
    void write(BenchSettings settings, PortalUnderLoad portal) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("directory", settings.directory());
        out.put("finished", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        out.put("people", settings.people().getFileName().toString());
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
            for (Map.Entry<String, List<Long>> step : level.steps.entrySet()) {
                List<Long> times;
                synchronized (step.getValue()) {
                    times = new ArrayList<>(step.getValue());
                }
                Collections.sort(times);
                String key = prefix + "step." + step.getKey().replace(' ', '.') + ".";
                out.put(key + "count", Integer.toString(times.size()));
                out.put(key + "p50", Long.toString(percentile(times, 50)));
                out.put(key + "p95", Long.toString(percentile(times, 95)));
                out.put(key + "p99", Long.toString(percentile(times, 99)));
                out.put(key + "max", Long.toString(times.get(times.size() - 1)));
            }
            for (Map.Entry<String, AtomicInteger> failure : level.stepFailures.entrySet()) {
                out.put(prefix + "step." + failure.getKey().replace(' ', '.') + ".errors",
                        Integer.toString(failure.getValue().get()));
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

    /** The nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static int count(Map<Flow, AtomicInteger> counts, Flow flow) {
        AtomicInteger count = counts.get(flow);
        return count == null ? 0 : count.get();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
