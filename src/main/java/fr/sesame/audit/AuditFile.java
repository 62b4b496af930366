package fr.sesame.audit;

import fr.sesame.config.SesameConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The audit trail's own file, for a SIEM to ingest: when {@code sesame.audit.file} names one, every record of the
 * {@code sesame.audit} logger is appended to it as one JSON object per line and nothing else (no date prefix, no
 * level), whatever the server's log format. A JUL {@link FileHandler} writes it: it appends, rotates by size when
 * asked, and writes each record whole under its lock, so records of concurrent requests never share a line. The
 * records still reach the server log too. If the file cannot be opened the application fails to start: an audit
 * trail that silently goes nowhere is worse than none.
 */
@ApplicationScoped
public class AuditFile {

    private static final Logger LOG = Logger.getLogger(AuditFile.class.getName());

    private SesameConfig config;
    private Logger audit;
    private FileHandler handler;

    /** For CDI's proxy only. */
    protected AuditFile() {}

    @Inject
    public AuditFile(SesameConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        config.auditFile().ifPresent(this::open);
    }

    /** Starts appending the audit logger's records to the file; the caller {@link #close()}s it. */
    public synchronized void open(AuditFileSettings settings) {
        if (handler != null) {
            return;
        }
        try {
            Optional.ofNullable(settings.path().toAbsolutePath().getParent()).ifPresent(AuditFile::createDirectories);
            // A '%' in the path is literal; with rotation, the generation number is added after a dot.
            String pattern = settings.path().toString().replace("%", "%%");
            handler = settings.rotates()
                    ? new FileHandler(pattern, (int) settings.maxSize(), settings.count(), true)
                    : new FileHandler(pattern, 0, 1, true);
            handler.setEncoding(StandardCharsets.UTF_8.name());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit file " + settings.path()
                    + " (" + SesameConfig.AUDIT_FILE + ")", e);
        }
        handler.setFormatter(new JsonLines());
        handler.setLevel(Level.ALL);
        audit = Logger.getLogger(AuditTrail.LOGGER);
        audit.addHandler(handler);
        LOG.info(() -> "Audit trail appended to " + settings.path().toAbsolutePath()
                + (settings.rotates() ? " (rotated every " + settings.maxSize() + " bytes, " + settings.count() + " files)" : ""));
    }

    /** Stops writing to the file and closes it (at undeploy). */
    @PreDestroy
    public synchronized void close() {
        if (handler != null) {
            audit.removeHandler(handler);
            handler.close();
            handler = null;
        }
    }

    private static void createDirectories(java.nio.file.Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the audit file's directory " + directory, e);
        }
    }

    /** The record's message, which {@link AuditTrail} makes a one-line JSON object, and a line feed. */
    static final class JsonLines extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    }
}
