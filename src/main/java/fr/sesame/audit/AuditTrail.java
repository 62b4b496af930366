package fr.sesame.audit;

import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.PeopleDirectory;
import jakarta.inject.Inject;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes the audit trail. Every record goes as one JSON line to the logger {@code sesame.audit} (and, with
 * {@code sesame.audit.file}, to a file of its own for a SIEM: {@link AuditFile}); records about an account are
 * also kept in that account's entry, in the same modify as the change they describe, so the person and the
 * helpdesk can read them.
 */
@ApplicationScoped
public class AuditTrail {

    /** The logger a SIEM reads: one JSON object per line, nothing else. */
    public static final String LOGGER = "sesame.audit";
    /** How many events an entry keeps; older ones are dropped as new ones come. */
    public static final int KEPT_PER_ACCOUNT = 20;

    private static final Logger AUDIT = Logger.getLogger(LOGGER);

    private PeopleDirectory people;

    /** For CDI's proxy only. */
    protected AuditTrail() {}

    @Inject
    public AuditTrail(PeopleDirectory people) {
        this.people = people;
    }

    /** Writes the record to the audit log. */
    public void log(AuditRecord record) {
        AUDIT.info(record.toJson());
    }

    /**
     * Applies {@code update} with the record added to the account's events, in the same modify (dropping
     * the oldest beyond {@link #KEPT_PER_ACCOUNT}), then writes the record to the audit log. If the directory
     * refuses the change, the log says so and the exception goes on to the caller.
     */
    public void applyAudited(AccountUpdate update, Account account, AuditRecord record) {
        update.add(AccountField.SECURITY_EVENT, record.toJson());
        List<String> kept = account.values(AccountField.SECURITY_EVENT);
        int excess = kept.size() + 1 - KEPT_PER_ACCOUNT;
        if (excess > 0) {
            List<String> oldest = kept.stream()
                    .sorted(Comparator.comparing(value -> AuditRecord.fromJson(value)
                            .map(AuditRecord::at)
                            .orElse(Instant.EPOCH)))
                    .limit(excess)
                    .toList();
            update.remove(AccountField.SECURITY_EVENT, oldest.toArray(String[]::new));
        }
        try {
            people.apply(update);
        } catch (RuntimeException e) {
            log(record.failed().with("reason", e.getClass().getSimpleName()));
            throw e;
        }
        log(record);
    }

    /** The account's kept events, newest first. */
    public List<AuditRecord> eventsOf(Account account) {
        return account.values(AccountField.SECURITY_EVENT).stream()
                .map(AuditRecord::fromJson)
                .flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(AuditRecord::at).reversed())
                .toList();
    }
}
