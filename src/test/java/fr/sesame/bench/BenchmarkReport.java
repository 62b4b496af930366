package fr.sesame.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints the benchmark's table (and writes it to {@code target/bench/report.md}): for each directory and level,
 * per flow and per step, completed flows per second, p50 / p95 / p99 latency and errors, the portal's CPU
 * seconds per completed flow and memory peak ({@link LevelRecords}), the ratio of the achieved flows per second
 * to the hash-bound limit ({@link HashBudget}), and whether each target of issue 7 is met; for the failover run
 * on an OpenLDAP pair ({@code slapd-pair}), what {@link Failover} found instead of the speed targets.
 *
 * <p>Argument: the build directory ({@code target}). Gatling's own HTML report of each run is under
 * {@code target/gatling/<directory>/}.
 */
public final class BenchmarkReport {

    private static final String TARGET_LEVEL = "u50";
    private static final int PAGE_P99_TARGET_MS = 50;
    private static final int SEARCH_P99_TARGET_MS = 100;
    private static final double RATIO_TARGET = 0.8;

    private BenchmarkReport() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        StringBuilder out = new StringBuilder();
        HashBudget.Costs costs = HashBudget.read(target.resolve("bench/jmh.json"));
        int cores = Runtime.getRuntime().availableProcessors();
        double limit = HashBudget.limit(costs, cores);
        out.append(String.format(Locale.ROOT, "%n## Slow hashes (JMH, one core, ms per hash)%n%n"
                + "| Argon2id hash | Argon2id verify | SHA-512 crypt 50 000 rounds | SHA-512 crypt 5 000 rounds verify |%n"
                + "|---:|---:|---:|---:|%n| %.1f | %.1f | %.1f | %.1f |%n%n",
                costs.argon2HashMs(), costs.argon2VerifyMs(), costs.crypt50000Ms(), costs.crypt5000VerifyMs()));
        out.append("| Flow | share | hash-seconds per flow |\n|---|---:|---:|\n");
        for (Flow flow : Flow.all()) {
            out.append(String.format(Locale.ROOT, "| %s | %d %% | %.3f |%n", flow.key(), flow.percent(), flow.hashSeconds(costs)));
        }
        out.append(String.format(Locale.ROOT, "| **mix** | 100 %% | %.3f |%n%n"
                + "Hash-bound limit on %d cores: **%.2f flows/s** of the mix.%n", HashBudget.secondsPerMixFlow(costs),
                cores, limit));
        for (String directory : List.of("embedded", "slapd", "slapd-pair")) {
            Path file = target.resolve("bench").resolve(directory).resolve("portal.properties");
            if (!Files.isRegularFile(file)) {
                out.append(String.format("%n## Directory: %s — not run%n", directory));
                continue;
            }
            Properties portal = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                portal.load(reader);
            }
            report(out, directory, portal, costs, limit);
            Path failover = file.resolveSibling("failover.md");
            if (Files.isRegularFile(failover)) {
                out.append(Files.readString(failover, StandardCharsets.UTF_8));
            }
        }
        System.out.println(out);
        Files.writeString(target.resolve("bench/report.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private static void report(StringBuilder out, String directory, Properties portal, HashBudget.Costs costs, double limit) {
        out.append(String.format(Locale.ROOT, "%n## Directory: %s (%s; portal heap -Xmx%s; start-up to first page %s s; "
                + "run finished %s)%n", directory, portal.getProperty("people"), portal.getProperty("heap"),
                portal.getProperty("startup.seconds"), portal.getProperty("finished")));
        double bestRatio = 0;
        int allFailed = 0;
        List<String> targets = new ArrayList<>();
        for (String level : portal.getProperty("levels").split(",")) {
            String prefix = "level." + level + ".";
            if (portal.getProperty(prefix + "seconds") == null) {
                out.append(String.format("%n### %s: no flow ran%n", level));
                continue;
            }
            double seconds = number(portal, prefix + "seconds");
            double cpu = number(portal, prefix + "cpu.seconds");
            int completed = 0;
            int failed = 0;
            double hashSeconds = 0;
            for (Flow flow : Flow.all()) {
                int flows = (int) number(portal, prefix + flow.key() + ".completed");
                completed += flows;
                failed += (int) number(portal, prefix + flow.key() + ".failed");
                hashSeconds += flows * flow.hashSeconds(costs);
            }
            double rate = completed / seconds;
            bestRatio = Math.max(bestRatio, rate / limit);
            out.append(String.format(Locale.ROOT, "%n### %s concurrent users: %.2f flows/s, ratio to the hash-bound limit "
                    + "%.2f; %d completed, %d failed in %.0f s; portal CPU %.3f s per completed flow (%.0f %% of %s cores), "
                    + "%.0f %% of it the slow hashes of the completed flows; peak RSS %.0f MiB%n%n", level.substring(1), rate,
                    rate / limit, completed, failed, seconds, cpu / Math.max(1, completed),
                    100 * cpu / seconds / Integer.parseInt(portal.getProperty("cores")), portal.getProperty("cores"),
                    100 * hashSeconds / Math.max(cpu, 1e-9), number(portal, prefix + "rss.peak.mib")));
            out.append("| Flow / step | flows/s | count | errors | p50 ms | p95 ms | p99 ms | note |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (Flow flow : Flow.all()) {
                out.append(String.format(Locale.ROOT, "| **%s** | %.2f | %d | %d | | | | |%n", flow.key(),
                        number(portal, prefix + flow.key() + ".completed") / seconds,
                        (int) number(portal, prefix + flow.key() + ".completed"),
                        (int) number(portal, prefix + flow.key() + ".failed")));
                for (Flow.Step step : flow.steps()) {
                    String key = prefix + "step." + flow.key() + "." + step.name() + ".";
                    long p99 = (long) number(portal, key + "p99");
                    String note = !step.page() ? "until the mail is in the SMTP sink (sent in the background)"
                            : step.slowHash() ? "slow hash" : "";
                    if (step.floorMillis() > 0) {
                        note += (note.isEmpty() ? "" : ", ") + "floor " + step.floorMillis() + " ms";
                    }
                    out.append(String.format(Locale.ROOT, "| &nbsp;&nbsp;%s | | %d | %d | %d | %d | %d | %s |%n",
                            step.name(), (int) number(portal, key + "count"), (int) number(portal, key + "errors"),
                            (long) number(portal, key + "p50"), (long) number(portal, key + "p95"), p99, note));
                    if (level.equals(TARGET_LEVEL) && step.page() && !step.slowHash() && portal.getProperty(key + "p99") != null) {
                        boolean search = step.name().startsWith("search");
                        long limitMs = step.floorMillis() + (search ? SEARCH_P99_TARGET_MS : PAGE_P99_TARGET_MS);
                        targets.add(String.format(Locale.ROOT, "- %s p99 at 50 users: %d ms, target < %d ms%s: %s",
                                flow.key() + " " + step.name(), p99, limitMs,
                                step.floorMillis() > 0 ? " (floor " + step.floorMillis() + " ms + " + PAGE_P99_TARGET_MS + ")" : "",
                                p99 < limitMs ? "met" : "NOT met"));
                    }
                }
            }
            allFailed += failed;
            if (failed > 0) {
                targets.add(String.format(Locale.ROOT, "- no error at %s users: NOT met (%d failed flows)", level.substring(1), failed));
            }
        }
        if (directory.equals("slapd-pair")) {
            // Errors at the kill are expected there; Failover judges them, and a crash is no speed measurement.
            return;
        }
        out.append(String.format(Locale.ROOT, "%n### Targets (%s)%n%n- ratio to the hash-bound limit at the best level: "
                + "%.2f, target >= %.1f: %s%n", directory, bestRatio, RATIO_TARGET, bestRatio >= RATIO_TARGET ? "met" : "NOT met"));
        if (allFailed == 0) {
            targets.add("- no error at any level: met");
        }
        targets.forEach(line -> out.append(line).append('\n'));
    }

    private static double number(Properties properties, String key) {
        return Double.parseDouble(properties.getProperty(key, "0"));
    }
}
