package fr.sesame.selfcare;

import fr.sesame.audit.AuditEvent;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the account page shows of an account, read in one go: who it is, what is on file, the current choices
 * (to fill the forms), and the recent security events so the person can notice one they did not make. Never a
 * hash. Nullable components are absent from the directory.
 *
 * @param createdAt when the entry was created (operational {@code createTimestamp}), or null
 * @param passwordChangedAt when the portal last set the password, or null
 * @param personalEmail the personal address mails go to, or null
 * @param mobile the mobile number on file, or null
 * @param jokerQuestion the joker question, or null
 * @param jokerResetRequired whether the helpdesk asked for a new joker question and answer
 * @param recentEvents newest first
 */
public record AccountOverview(
        String login,
        String uid,
        String displayName,
        List<Affiliation> affiliations,
        Instant createdAt,
        Instant passwordChangedAt,
        String personalEmail,
        String mobile,
        String jokerQuestion,
        boolean jokerResetRequired,
        boolean smsAlerts,
        boolean photoUse,
        boolean listedInDirectory,
        List<Event> recentEvents)
        implements Serializable {

    public AccountOverview {
        affiliations = List.copyOf(affiliations);
        recentEvents = List.copyOf(recentEvents);
    }

    /**
     * One security event kept in the entry.
     *
     * @param byAgent whether someone else acted on the account (a helpdesk agent), rather than the person
     *     themself or an anonymous visitor of a self-service flow
     */
    public record Event(AuditEvent event, Instant at, String clientAddress, boolean success, boolean byAgent)
            implements Serializable {}

    public boolean hasPersonalEmail() {
        return personalEmail != null;
    }

    public boolean hasMobile() {
        return mobile != null;
    }
}
