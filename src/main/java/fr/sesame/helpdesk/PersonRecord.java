package fr.sesame.helpdesk;

import fr.sesame.audit.AuditRecord;
import fr.sesame.selfcare.Affiliation;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A person's record as an agent sees it: who they are, their identifiers, and what stands between them and their
 * account. Never a secret: whether a personal address and a mobile are on file, not which; the joker question, not
 * its answer. Instants are {@code null} when the directory holds none.
 */
public record PersonRecord(
        String dn,
        String uid,
        String login,
        String displayName,
        List<Affiliation> affiliations,
        String alias,
        String entryUuid,
        Instant createdAt,
        Instant modifiedAt,
        boolean accountAllowed,
        boolean activated,
        boolean selfServiceDisabled,
        Instant lockedUntil,
        int failures,
        boolean hasPersonalEmail,
        boolean hasMobile,
        String jokerQuestion,
        boolean jokerResetRequired,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        List<AuditRecord> events)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public boolean locked() {
        return lockedUntil != null;
    }
}
