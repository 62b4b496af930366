package fr.sesame.audit;

import java.nio.file.Path;

/**
 * Where the audit trail's own file is and how it rotates ({@code sesame.audit.file*}). Exists so that the file's
 * rules (no rotation by default, at least two files when rotating) are checked once, at start.
 *
 * @param path the file; with rotation, the current file is {@code <path>.0} and older ones {@code <path>.1}…
 * @param maxSize the size in bytes at which the file is rotated; 0 never rotates it
 * @param count how many files rotation keeps, the current one included (only read when {@code maxSize > 0})
 */
public record AuditFileSettings(Path path, long maxSize, int count) {

    public AuditFileSettings {
        if (maxSize < 0 || maxSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sesame.audit.file-max-size must be between 0 and 2G, not " + maxSize);
        }
        if (maxSize > 0 && count < 2) {
            throw new IllegalArgumentException("sesame.audit.file-count must be at least 2 when the file rotates, not "
                    + count);
        }
    }

    public boolean rotates() {
        return maxSize > 0;
    }
}
