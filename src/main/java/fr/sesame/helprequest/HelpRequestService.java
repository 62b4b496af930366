package fr.sesame.helprequest;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.cluster.Cluster;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.HelpRequestDirectory;
import fr.sesame.directory.HelpRequestDirectory.StoredHelpRequest;
import fr.sesame.mail.EmailAddresses;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailNotSentException;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.security.ClientThrottle;
import fr.sesame.security.Throttles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Help requests from people who cannot sign in: taken from the public form (robots and floods turned away),
 * stored in the directory, acknowledged by mail; listed for the helpdesk and closed by an agent with a note
 * that is mailed to the requester. Every stored change is audited; free text never goes to the audit log.
 */
@ApplicationScoped
public class HelpRequestService {

    private static final Logger LOG = Logger.getLogger(HelpRequestService.class.getName());

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_NOTE_LENGTH = 1000;
    /** How many open requests the queue shows, newest first. */
    public static final int QUEUE_SIZE = 200;

    /** What the public form sent. */
    public record Submission(String name, String contact, String description, String honeypot, String formToken) {}

    /** What became of a submission. */
    public sealed interface Submitted {
        /** Taken (or, for a robot, silently dropped): the sender gets the same answer either way. */
        record Accepted() implements Submitted {}

        /** The contact is not one email address: nothing was stored. */
        record NotAnEmail() implements Submitted {}

        /** The name or description is missing or too long: nothing was stored. */
        record Incomplete() implements Submitted {}

        /** Too many submissions from this client address for now. */
        record ClientBlocked(Instant until) implements Submitted {}
    }

    /** What became of an agent's closing. */
    public enum Closing {
        CLOSED,
        /** Closed, but the requester could not be mailed. */
        CLOSED_NOT_MAILED,
        /** Someone closed it first, or it does not exist: nothing changed. */
        ALREADY_CLOSED
    }

    private HelpRequestDirectory requests;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private ClientThrottle clients;
    private BotCheck botCheck;
    private String portalAddress;
    private Clock clock;

    /** For CDI's proxy only. */
    protected HelpRequestService() {}

    @Inject
    public HelpRequestService(HelpRequestDirectory requests, AuditTrail audit, MailSender mailSender,
            MailComposer mails, Throttles throttles, Cluster cluster, SesameConfig config) {
        this(requests, audit, mailSender, mails, throttles.clients(),
                // One key for every node: a form shown by one node may be sent to another.
                new BotCheck(cluster.secret(BotCheck.KEY_NAME, BotCheck.KEY_LENGTH), config.helpRequestMinFillTime(),
                        Clock.systemUTC()),
                config.publicBaseUrl(), Clock.systemUTC());
    }

    public HelpRequestService(HelpRequestDirectory requests, AuditTrail audit, MailSender mailSender,
            MailComposer mails, ClientThrottle clients, BotCheck botCheck, String portalAddress, Clock clock) {
        this.requests = requests;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.clients = clients;
        this.botCheck = botCheck;
        this.portalAddress = portalAddress;
        this.clock = clock;
    }

    /** The token the form carries in its hidden field, issued when the form is shown. */
    public String formToken() {
        return botCheck.issue();
    }

    /**
     * Takes a submission: every one counts against the client's throttle; a robot's is dropped without a word
     * (audited as refused); a person's is stored open, acknowledged by mail (a mail that cannot leave does not
     * undo the request) and audited without its free text.
     */
    public Submitted submit(Submission submission, Locale locale, String clientAddress) {
        Optional<Instant> blocked = clients.blockedUntil(clientAddress);
        if (blocked.isPresent()) {
            return new Submitted.ClientBlocked(blocked.get());
        }
        clients.recordFailure(clientAddress);
        Optional<String> contact = EmailAddresses.oneAddress(submission.contact());
        if (contact.isEmpty()) {
            return new Submitted.NotAnEmail();
        }
        String name = strip(submission.name());
        String description = strip(submission.description());
        if (name.isEmpty() || description.isEmpty() || name.length() > MAX_NAME_LENGTH
                || description.length() > MAX_DESCRIPTION_LENGTH) {
            return new Submitted.Incomplete();
        }
        Instant now = clock.instant();
        BotCheck.Verdict verdict = botCheck.check(submission.formToken(), submission.honeypot());
        if (verdict != BotCheck.Verdict.PASSED) {
            audit.log(AuditRecord.of(now, AuditEvent.HELP_REQUEST_SUBMITTED, false, AuditRecord.ANONYMOUS,
                    clientAddress, "", Map.of("reason", verdict.name().toLowerCase(Locale.ROOT))));
            return new Submitted.Accepted();
        }
        String id = requests.add(name, contact.get(), description, HelpRequestHistory.submitted(now, locale));
        audit.log(AuditRecord.of(now, AuditEvent.HELP_REQUEST_SUBMITTED, true, AuditRecord.ANONYMOUS, clientAddress,
                "", Map.of("request", id)));
        send(MailTemplate.HELP_REQUEST_RECEIVED, contact.get(), locale, reference(id));
        return new Submitted.Accepted();
    }

    /** The open requests, newest first, at most {@link #QUEUE_SIZE}. */
    public List<StoredHelpRequest> openRequests() {
        return requests.listOpen(QUEUE_SIZE);
    }

    /**
     * Closes an open request on behalf of {@code agent}, keeping the note in its history, and mails the note to
     * the requester in the language of their request. Only one agent's closing of a request succeeds.
     *
     * @throws IllegalArgumentException if the note is empty or longer than {@link #MAX_NOTE_LENGTH}
     */
    public Closing close(String id, String note, String agent, String clientAddress) {
        String text = strip(note);
        if (text.isEmpty() || text.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("A closing note is required, at most " + MAX_NOTE_LENGTH + " characters");
        }
        Optional<StoredHelpRequest> request = requests.find(id).filter(StoredHelpRequest::open);
        Instant now = clock.instant();
        if (request.isEmpty() || !requests.close(id, HelpRequestHistory.closed(now, agent, text))) {
            return Closing.ALREADY_CLOSED;
        }
        audit.log(AuditRecord.of(now, AuditEvent.HELP_REQUEST_CLOSED, true, agent, clientAddress, "",
                Map.of("request", id)));
        Locale locale = HelpRequestHistory.language(request.get().history()).orElse(Locale.FRENCH);
        boolean mailed = request.get().contact() != null
                && send(MailTemplate.HELP_REQUEST_CLOSED, request.get().contact(), locale, reference(id), text, portalAddress);
        return mailed ? Closing.CLOSED : Closing.CLOSED_NOT_MAILED;
    }

    /** The short reference a requester and an agent can quote to each other. */
    public static String reference(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    private boolean send(MailTemplate template, String to, Locale locale, Object... parameters) {
        try {
            mailSender.send(mails.compose(template, to, locale, parameters));
            return true;
        } catch (MailNotSentException e) {
            LOG.warning(() -> "A help request mail (" + template.key() + ") could not be sent: " + e.getMessage());
            return false;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
