package fr.sesame.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a process's CPU time ({@code /proc/<pid>/stat}: user + system) and resident memory
 * ({@code /proc/<pid>/status}: VmRSS) every 200 ms, so that a time window's CPU seconds and memory peak can be
 * read afterwards. Linux only, like the benchmark.
 */
final class ProcessSampler {

    /** One reading: when (System.nanoTime), CPU seconds so far, resident memory in KiB. */
    record Sample(long nanos, double cpuSeconds, long rssKib) {}

    private static final long INTERVAL_MILLIS = 200;

    private final long pid;
    private final double ticksPerSecond;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ProcessSampler(long pid) {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
        this.thread = new Thread(this::run, "portal-sampler");
        this.thread.setDaemon(true);
    }

    static ProcessSampler start(long pid) {
        ProcessSampler sampler = new ProcessSampler(pid);
        sampler.thread.start();
        return sampler;
    }

    private void run() {
        while (running) {
            Sample sample = read();
            if (sample != null) {
                synchronized (samples) {
                    samples.add(sample);
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A reading now, or null if the process is gone. */
    Sample read() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces), from field 3: utime is 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerSecond;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new Sample(System.nanoTime(), cpu, rss);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** CPU seconds the process used between the two instants (nanoTime), from the nearest readings outside them. */
    double cpuSeconds(long fromNanos, long toNanos) {
        Sample first = null;
        Sample last = null;
        synchronized (samples) {
            for (Sample sample : samples) {
                if (sample.nanos() <= fromNanos) {
                    first = sample;
                }
                if (last == null && sample.nanos() >= toNanos) {
                    last = sample;
                }
            }
            if (first == null && !samples.isEmpty()) {
                first = samples.get(0);
            }
            if (last == null && !samples.isEmpty()) {
                last = samples.get(samples.size() - 1);
            }
        }
        return first == null ? Double.NaN : last.cpuSeconds() - first.cpuSeconds();
    }

    /** The highest resident memory seen between the two instants, in MiB. */
    double peakRssMib(long fromNanos, long toNanos) {
        long peak = 0;
        synchronized (samples) {
            for (Sample sample : samples) {
                if (sample.nanos() >= fromNanos - INTERVAL_MILLIS * 1_000_000 && sample.nanos() <= toNanos + INTERVAL_MILLIS * 1_000_000) {
                    peak = Math.max(peak, sample.rssKib());
                }
            }
        }
        return peak / 1024.0;
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
