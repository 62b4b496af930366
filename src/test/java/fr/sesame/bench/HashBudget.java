package fr.sesame.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hash-bound limit: how many flows of the mix per second the machine could complete if it did nothing but
 * the deliberate slow hashes ({@code cores / hash-seconds per flow of the mix}), from {@link HashCosts}' JMH
 * results.
 */
public final class HashBudget {

    /** Milliseconds per hash, one core. */
    public record Costs(double argon2HashMs, double argon2VerifyMs, double crypt50000Ms, double crypt5000VerifyMs) {}

    private HashBudget() {}

    /** Reads JMH's JSON result file ({@code -rf json}) of {@link HashCosts}. */
    public static Costs read(Path jmhJson) throws IOException {
        String json = Files.readString(jmhJson);
        return new Costs(score(json, "argon2Hash"), score(json, "argon2Verify"), score(json, "sha512Crypt50000"),
                score(json, "sha512Crypt5000Verify"));
    }

    private static double score(String json, String method) {
        Matcher m = Pattern.compile("\"benchmark\"\\s*:\\s*\"" + Pattern.quote(HashCosts.class.getName() + "." + method)
                + "\".*?\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([0-9.eE+-]+)", Pattern.DOTALL).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No JMH result for " + method);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Hash-seconds of one flow of the mix (weighted by each flow's share). */
    public static double secondsPerMixFlow(Costs costs) {
        double total = 0;
        for (Flow flow : Flow.all()) {
            total += flow.percent() / 100.0 * flow.hashSeconds(costs);
        }
        return total;
    }

    /** Flows of the mix per second the machine's cores allow, counting only the slow hashes. */
    public static double limit(Costs costs, int cores) {
        return cores / secondsPerMixFlow(costs);
    }
}
