package fr.sesame.bench;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import fr.sesame.audit.AuditEvent;
import fr.sesame.support.SlapdPair;
import fr.sesame.support.WholeWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The failover run of the benchmark ({@code bench.directory=slapd-pair}, issue 7: "one LDAP server of two stopped
 * during the benchmark: flows continue on the other with errors only for requests in flight, and nothing
 * half-written"). The portal works on a {@link SlapdPair}; provider 1 is killed (SIGKILL, as a crash) half-way
 * through the measured level, and the run goes on against provider 2.
 *
 * <p>After the run it counts the flows completed before the kill, in flight at it and started after it; checks that
 * every failed flow failed on a request that was in flight at the kill; then, for every person a password or
 * activation flow worked on, that the entry is wholly written or wholly untouched ({@link WholeWrites}) on provider 2
 * while provider 1 is away, and on both once provider 1 is restarted and caught up, with every completed write there
 * and both providers holding the same entry. The figures go to {@code failover.md}, which {@link BenchmarkReport}
 * prints.
 */
final class Failover {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<Flow> WRITING = Set.of(Flow.JOKER, Flow.EMAIL_LINK, Flow.ACTIVATION);
    private static final int SHOWN_PROBLEMS = 5;

    /**
     * One flow as the harness saw it, in {@link System#nanoTime()}.
     *
     * @param lastRequestStart when its last request started: for a failed flow the one that failed, for a completed
     *     password or activation flow the one that wrote
     */
    private record Run(Flow flow, String dn, String password, long start, long end, long lastRequestStart,
            boolean completed) {

        boolean inFlight(long from, long to) {
            return start <= to && end >= from;
        }
    }

    private enum State { WRITTEN, UNTOUCHED }

    private final SlapdPair pair;
    private final Duration killAfter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "failover-kill");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean armed = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
    private volatile long levelStart;
    private volatile long killStart = Long.MAX_VALUE;
    private volatile long killEnd = Long.MAX_VALUE;

    /** Provider 1 of {@code pair} will be killed {@code killAfter} after the first flow of the measured level. */
    Failover(SlapdPair pair, Duration killAfter) {
        this.pair = pair;
        this.killAfter = killAfter;
    }

    /** A flow of {@code level} starts: the first one of the measured level sets the kill's time. */
    void flowStarted(String level) {
        if (!level.equals(LevelRecords.WARMUP) && armed.compareAndSet(false, true)) {
            levelStart = System.nanoTime();
            timer.schedule(this::killProvider1, killAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A flow ended; {@code dn} is the person it worked on (null for the helpdesk searches). */
    void flowEnded(Flow flow, String dn, String password, long start, long lastRequestStart, boolean completed) {
        runs.add(new Run(flow, dn, password, start, System.nanoTime(), lastRequestStart, completed));
    }

    private void killProvider1() {
        long start = System.nanoTime();
        pair.provider(1).kill();
        killStart = start;
        killEnd = System.nanoTime();
        System.out.printf(Locale.ROOT, "Failover: provider 1 killed %.1f s into the level%n", (start - levelStart) / 1e9);
    }

    /** Counts and checks the run (see the class), writes {@code failover.md} in the run's directory and prints it. */
    void report(BenchSettings settings) throws IOException {
        timer.shutdownNow();
        StringBuilder out = new StringBuilder();
        if (killStart == Long.MAX_VALUE) {
            out.append("\n### Failover\n\n- provider 1 killed half-way through the level: NOT met (the level ended first)\n");
        } else {
            report(out, settings.people());
        }
        System.out.print(out);
        Path file = settings.outDir().resolve("failover.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private void report(StringBuilder out, Path people) {
        List<Run> all = List.copyOf(runs);
        List<Run> inFlight = all.stream().filter(run -> run.inFlight(killStart, killEnd)).toList();
        List<Run> failed = all.stream().filter(run -> !run.completed()).toList();
        List<Run> failedOutside = failed.stream()
                .filter(run -> !(run.lastRequestStart() <= killEnd && run.end() >= killStart))
                .toList();
        out.append(String.format(Locale.ROOT, "%n### Failover: provider 1 of 2 killed (SIGKILL) %.1f s into the level%n%n"
                + "| Flows | completed | failed |%n|---|---:|---:|%n", (killStart - levelStart) / 1e9));
        row(out, "ended before the kill", all.stream().filter(run -> run.end() < killStart).toList());
        row(out, "in flight at the kill", inFlight);
        row(out, "started after the kill", all.stream().filter(run -> run.start() > killEnd).toList());
        out.append(String.format(Locale.ROOT, "%n- errors only for requests in flight at the kill: %d failed flows "
                + "(%d flows were in flight), %d of them on a request not in flight at the kill: %s%n", failed.size(),
                inFlight.size(), failedOutside.size(), failedOutside.isEmpty() ? "met" : "NOT met"));
        failedOutside.stream().limit(SHOWN_PROBLEMS).forEach(run -> out.append("  - ").append(describe(run)).append('\n'));

        List<Run> writes = all.stream().filter(run -> WRITING.contains(run.flow()) && run.dn() != null).toList();
        Map<String, Entry> originals = originals(people, writes);
        List<String> halfWritten = new ArrayList<>();
        List<Run> missing = new ArrayList<>();
        try (LDAPConnection second = pair.provider(2).connectAsAdmin()) {
            check(second, writes, originals, halfWritten, missing);
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot read provider 2", e);
        }
        List<Run> missingAfterKill = missing.stream().filter(run -> run.lastRequestStart() > killEnd).toList();
        out.append(String.format(Locale.ROOT, "- on provider 2, provider 1 away: %d people written by the flows "
                + "(%s), %d half-written; %d completed writes not there (replication is asynchronous: allowed only for "
                + "writes sent to provider 1 before it died), %d of them sent after the kill: %s%n", writes.size(),
                writes.stream().collect(Collectors.groupingBy(run -> run.flow().key(), Collectors.counting())).entrySet()
                        .stream().map(e -> e.getKey() + " " + e.getValue()).sorted().collect(Collectors.joining(", ")),
                halfWritten.size(), missing.size(), missingAfterKill.size(),
                halfWritten.isEmpty() && missingAfterKill.isEmpty() ? "met" : "NOT met"));
        halfWritten.stream().limit(SHOWN_PROBLEMS).forEach(problem -> out.append("  - ").append(problem).append('\n'));

        long restarting = System.nanoTime();
        pair.provider(1).restart();
        pair.awaitInSync(CATCH_UP_TIMEOUT);
        double catchUp = (System.nanoTime() - restarting) / 1e9;
        halfWritten.clear();
        missing.clear();
        List<String> differing = new ArrayList<>();
        try (LDAPConnection first = pair.provider(1).connectAsAdmin();
                LDAPConnection second = pair.provider(2).connectAsAdmin()) {
            check(first, writes, originals, halfWritten, missing);
            for (Run run : writes) {
                // Provider 2 holding the very same entry is as whole as provider 1's.
                if (!Objects.equals(first.getEntry(run.dn(), "*", "entryCSN"), second.getEntry(run.dn(), "*", "entryCSN"))) {
                    differing.add(run.dn());
                }
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot read the providers", e);
        }
        out.append(String.format(Locale.ROOT, "- after restarting provider 1 and its catching up (%.1f s): %d half-written, "
                + "%d completed writes missing, %d people different on the two providers: %s%n", catchUp,
                halfWritten.size(), missing.size(), differing.size(),
                halfWritten.isEmpty() && missing.isEmpty() && differing.isEmpty() ? "met" : "NOT met"));
        halfWritten.stream().limit(SHOWN_PROBLEMS).forEach(problem -> out.append("  - ").append(problem).append('\n'));
        missing.stream().limit(SHOWN_PROBLEMS).forEach(run -> out.append("  - missing: ").append(describe(run)).append('\n'));
        differing.stream().limit(SHOWN_PROBLEMS).forEach(dn -> out.append("  - different: ").append(dn).append('\n'));
    }

    private void row(StringBuilder out, String what, List<Run> selected) {
        long completed = selected.stream().filter(Run::completed).count();
        out.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", what, completed, selected.size() - completed));
    }

    /**
     * Adds to {@code halfWritten} the people whose entry on {@code provider} is neither wholly written nor untouched,
     * and to {@code missing} the completed writes it does not hold.
     */
    private static void check(LDAPConnection provider, List<Run> writes, Map<String, Entry> originals,
            List<String> halfWritten, List<Run> missing) throws LDAPException {
        for (Run run : writes) {
            Entry entry = provider.getEntry(run.dn(), "*");
            try {
                if (state(entry, originals.get(run.dn()), run) == State.UNTOUCHED && run.completed()) {
                    missing.add(run);
                }
            } catch (AssertionError | RuntimeException e) {
                // A value the checks cannot even read (a history entry without its time, say) is no whole write either.
                halfWritten.add(run.flow().key() + " " + run.dn() + ": " + shortened(e));
            }
        }
    }

    /** @throws AssertionError if the entry is half-written */
    private static State state(Entry entry, Entry original, Run run) {
        if (entry == null) {
            throw new AssertionError("the entry is gone");
        }
        if (run.flow() == Flow.ACTIVATION) {
            if (!entry.hasAttribute("sesameActivatedAt")) {
                WholeWrites.untouched(entry, original, WholeWrites.ACTIVATION_ATTRIBUTES);
                return State.UNTOUCHED;
            }
            WholeWrites.activation(entry, RentreeMorning.JOKER_ANSWER, run.password());
            return State.WRITTEN;
        }
        if (Objects.equals(entry.getAttributeValue("userPassword"), original.getAttributeValue("userPassword"))) {
            WholeWrites.untouched(entry, original, WholeWrites.PASSWORD_ATTRIBUTES);
            return State.UNTOUCHED;
        }
        WholeWrites.passwordWrite(entry, run.password(), AuditEvent.PASSWORD_CHANGED);
        return State.WRITTEN;
    }

    /** The entries of the people written to, as loaded from the generated LDIF. */
    private static Map<String, Entry> originals(Path people, List<Run> writes) {
        Set<String> dns = writes.stream().map(Run::dn).collect(Collectors.toSet());
        Map<String, Entry> originals = new HashMap<>();
        try (LDIFReader reader = new LDIFReader(people.toFile())) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                if (dns.contains(entry.getDN())) {
                    originals.put(entry.getDN(), entry);
                }
            }
        } catch (IOException | LDIFException e) {
            throw new IllegalStateException("Cannot read the generated people " + people, e);
        }
        return originals;
    }

    /** The check's message without the entry it prints whole. */
    private static String shortened(Throwable problem) {
        String text = problem.toString().replaceAll("SearchResultEntry\\(.*?controls=\\{[^}]*\\}\\)", "(the entry)");
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    private String describe(Run run) {
        return String.format(Locale.ROOT, "%s %s: %.1f to %.1f s, last request from %.1f s (kill %.1f to %.1f s)",
                run.flow().key(), run.dn(), seconds(run.start()), seconds(run.end()), seconds(run.lastRequestStart()),
                seconds(killStart), seconds(killEnd));
    }

    private double seconds(long nanoTime) {
        return (nanoTime - levelStart) / 1e9;
    }
}
