package fr.sesame.recovery;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How many mails anyone may have sent to one account's personal address, on an anonymous request, within a window
 * (reset links and login reminders together), so that nobody can mail-bomb a person through the portal.
 *
 * <p>The count is read from the events the account's own entry keeps ({@link fr.sesame.audit.AuditTrail}): each such
 * mail is audited in the same modify that issues its token, so the count is in the directory (every node and every
 * restart sees it) without a counter of its own. The failure counter ({@code sesameFailure}) is not used: those are
 * failures, and reaching their limit suspends the whole self-service, which a flood of requests by someone else must
 * not do to a person. The limit is judged on the entry as read before the write, so concurrent requests may pass it
 * by one each, as with the failure counter.
 *
 * @param maxPerAccount at most this many mails per window; at most 10, well within the events an entry keeps
 * @param window the sliding window
 */
public record MailRequestLimit(int maxPerAccount, Duration window) {

    private static final Set<AuditEvent> COUNTED = Set.of(AuditEvent.RESET_LINK_SENT, AuditEvent.LOGIN_REMINDED);

    public MailRequestLimit {
        if (maxPerAccount < 1 || maxPerAccount > 10) {
            throw new IllegalArgumentException("maxPerAccount must be between 1 and 10, not " + maxPerAccount);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
    }

    /** Whether one more mail may be sent, given the account's kept events. */
    public boolean allows(List<AuditRecord> keptEvents, Instant now) {
        Instant windowStart = now.minus(window);
        long recent = keptEvents.stream()
                .filter(event -> COUNTED.contains(event.event()) && event.success()
                        && AuditRecord.ANONYMOUS.equals(event.actor()) && event.at().isAfter(windowStart))
                .count();
        return recent < maxPerAccount;
    }
}
