package fr.sesame.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Prints the benchmark's table (and writes it to {@code target/bench/report.md}): for each directory and level,
 * per flow and per step, completed flows per second, p50 / p95 / p99 latency and errors (Gatling's
 * {@code js/stats.json}), the portal's CPU seconds per completed flow and memory peak ({@link LevelRecords}),
 * and the ratio of the achieved flows per second to the hash-bound limit ({@link HashBudget}).
 *
 * <p>Argument: the build directory ({@code target}).
 */
public final class BenchmarkReport {

    private static final ObjectMapper JSON = new ObjectMapper();

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
                + "Hash-bound limit on %d cores: **%.1f flows/s** of the mix.%n", HashBudget.secondsPerMixFlow(costs),
                cores, limit));
        for (String directory : List.of("embedded", "slapd")) {
            Path properties = target.resolve("bench").resolve(directory).resolve("portal.properties");
            Optional<Path> stats = latestStats(target.resolve("gatling").resolve(directory));
            if (!Files.isRegularFile(properties) || stats.isEmpty()) {
                out.append(String.format("%n## %s: not run%n", directory));
                continue;
            }
            Properties portal = new Properties();
            try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                portal.load(reader);
            }
            JsonNode root = JSON.readTree(stats.get().toFile());
            report(out, directory, portal, root, limit);
        }
        System.out.println(out);
        Files.writeString(target.resolve("bench/report.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private static void report(StringBuilder out, String directory, Properties portal, JsonNode root, double limit) {
        out.append(String.format(Locale.ROOT, "%n## Directory: %s (portal heap -Xmx%s, start-up to first page %s s)%n",
                directory, portal.getProperty("heap"), portal.getProperty("startup.seconds")));
        for (String level : portal.getProperty("levels").split(",")) {
            String prefix = "level." + level + ".";
            if (portal.getProperty(prefix + "seconds") == null) {
                continue;
            }
            double seconds = number(portal, prefix + "seconds");
            double cpu = number(portal, prefix + "cpu.seconds");
            int completed = 0;
            int failed = 0;
            for (Flow flow : Flow.all()) {
                completed += (int) number(portal, prefix + flow.key() + ".completed");
                failed += (int) number(portal, prefix + flow.key() + ".failed");
            }
            double rate = completed / seconds;
            out.append(String.format(Locale.ROOT, "%n### %s concurrent users: %.2f flows/s (%d completed, %d failed in %.0f s), "
                    + "ratio to the hash-bound limit %.2f, portal CPU %.3f s per completed flow (%.0f %% of the machine), "
                    + "peak RSS %.0f MiB%n%n", level.substring(1), rate, completed, failed, seconds, rate / limit,
                    cpu / Math.max(1, completed), 100 * cpu / seconds / Integer.parseInt(portal.getProperty("cores")),
                    number(portal, prefix + "rss.peak.mib")));
            out.append("| Flow / step | flows/s | count | errors | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
            JsonNode levelNode = child(root, level);
            for (Flow flow : Flow.all()) {
                JsonNode flowNode = levelNode == null ? null : child(levelNode, flow.key());
                double flowRate = number(portal, prefix + flow.key() + ".completed") / seconds;
                out.append(row("**" + flow.key() + "**", String.format(Locale.ROOT, "%.2f", flowRate), flowNode));
                if (flowNode != null) {
                    for (JsonNode step : contents(flowNode)) {
                        out.append(row("&nbsp;&nbsp;" + step.path("name").asText(), "", step));
                    }
                }
            }
        }
    }

    private static String row(String name, String rate, JsonNode node) {
        if (node == null) {
            return String.format("| %s | %s | 0 | | | | |%n", name, rate);
        }
        JsonNode stats = node.path("stats");
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d |%n", name, rate,
                stats.path("numberOfRequests").path("total").asInt(), stats.path("numberOfRequests").path("ko").asInt(),
                stats.path("percentiles1").path("total").asInt(), stats.path("percentiles3").path("total").asInt(),
                stats.path("percentiles4").path("total").asInt());
    }

    private static List<JsonNode> contents(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        Iterator<JsonNode> elements = node.path("contents").elements();
        elements.forEachRemaining(children::add);
        return children;
    }

    private static JsonNode child(JsonNode node, String name) {
        for (JsonNode child : contents(node)) {
            if (name.equals(child.path("name").asText())) {
                return child;
            }
        }
        return null;
    }

    private static double number(Properties properties, String key) {
        return Double.parseDouble(properties.getProperty(key, "0"));
    }

    private static Optional<Path> latestStats(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.map(run -> run.resolve("js/stats.json")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(path -> path.getParent().getParent().getFileName().toString()));
        }
    }
}
