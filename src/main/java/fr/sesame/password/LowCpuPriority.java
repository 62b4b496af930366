package fr.sesame.password;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives a thread the lowest CPU priority of Linux (nice 19), so that the scheduler runs it only on cycles no
 * other thread of the machine wants. Java has no call for it (thread priorities are ignored on Linux), so the
 * thread finds its kernel id in {@code /proc/thread-self} and runs {@code renice} on itself; lowering one's own
 * priority needs no privilege. Where that is not possible (another system, no {@code renice}), the thread keeps
 * the normal priority and one warning says so.
 */
final class LowCpuPriority {

    static final int LOWEST = 19;

    private static final Logger LOG = Logger.getLogger(LowCpuPriority.class.getName());
    private static volatile boolean warned;

    private LowCpuPriority() {}

    /** Lowers the calling thread to {@link #LOWEST}; returns whether it worked. */
    static boolean lowerCurrentThread() {
        Optional<String> threadId = currentThreadId();
        if (threadId.isEmpty()) {
            warnOnce("this system has no /proc/thread-self");
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(LOWEST), "-p", threadId.get())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            renice.destroyForcibly();
            warnOnce("renice failed");
        } catch (IOException e) {
            warnOnce("renice cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The nice value of the calling thread, if the system tells it. */
    static Optional<Integer> currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // The fields after the command name, which is in parentheses and may hold spaces: nice is the 17th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> currentThreadId() {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>".
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, "Slow hashes run at the normal CPU priority: {0}. Pages may answer slowly while"
                    + " hashes keep every core busy.", why);
        }
    }
}
