package fr.sesame.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties (set by the {@code benchmark} Maven profile):
 * {@code bench.directory} ({@code embedded}, {@code slapd}, or {@code slapd-pair} for the failover run of
 * {@link Failover}), {@code bench.levels} (concurrent users of each
 * level, e.g. {@code 10,50,200}), {@code bench.level-seconds}, {@code bench.warmup-seconds}, {@code bench.heap}
 * (the portal's {@code -Xmx}), {@code bench.people} (the generated LDIF), {@code bench.out} (where the run's
 * figures go), {@code bench.portal-jvm-options} (more options for the portal's JVM, space-separated, e.g. to
 * record a flight recording) and {@code sesame.project.dir}.
 */
record BenchSettings(String directory, List<Integer> levels, int levelSeconds, int warmupSeconds, String heap,
        Path people, Path outDir, Path projectDir, List<String> portalJvmOptions) {

    static BenchSettings fromSystemProperties() {
        Path project = Path.of(System.getProperty("sesame.project.dir", "."));
        String directory = System.getProperty("bench.directory", "embedded");
        if (!List.of("embedded", "slapd", "slapd-pair").contains(directory)) {
            throw new IllegalArgumentException("bench.directory must be embedded, slapd or slapd-pair, not " + directory);
        }
        List<Integer> levels = Arrays.stream(System.getProperty("bench.levels", "10,50,200").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        return new BenchSettings(directory, levels,
                Integer.parseInt(System.getProperty("bench.level-seconds", "60")),
                Integer.parseInt(System.getProperty("bench.warmup-seconds", "240")),
                System.getProperty("bench.heap", "512m"),
                Path.of(System.getProperty("bench.people", project.resolve("target/bench/people-50000.ldif").toString())),
                Path.of(System.getProperty("bench.out", project.resolve("target/bench").toString())).resolve(directory),
                project,
                Arrays.stream(System.getProperty("bench.portal-jvm-options", "").trim().split("\\s+"))
                        .filter(option -> !option.isEmpty()).toList());
    }

    boolean slapd() {
        return directory.equals("slapd");
    }

    /** Whether the portal works on an OpenLDAP multi-provider pair, provider 1 killed half-way ({@link Failover}). */
    boolean pair() {
        return directory.equals("slapd-pair");
    }
}
