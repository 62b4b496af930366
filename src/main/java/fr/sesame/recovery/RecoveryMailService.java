package fr.sesame.recovery;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountNotFoundException;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.DirectoryException;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.EmailAddresses;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailNotSentException;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.mail.OutgoingMail;
import fr.sesame.security.ClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.security.Throttles;
import fr.sesame.token.TokenLinks;
import fr.sesame.token.TokenPurpose;
import fr.sesame.token.Tokens;
import fr.sesame.web.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * What an anonymous visitor may ask to be mailed (seed 003, "Besoin d'aide ?"): a reset link, by login or personal
 * address, and their login, by personal address. The mails only ever go to the address the directory holds, and the
 * visitor learns nothing about who exists: the answer is the same, and takes as long
 * ({@code sesame.mail-request.response-floor}), whether anything matched or not; mails leave in the background, so
 * the SMTP server's speed shows nothing either.
 *
 * <p>Two limits stop anyone from mail-bombing a person: per account ({@link MailRequestLimit}, counted in the
 * directory) and per client address (the portal's {@link ClientThrottle}, where every request counts, whatever it
 * found, so that being blocked says nothing about an account either).
 */
@ApplicationScoped
public class RecoveryMailService {

    private static final Logger LOG = Logger.getLogger(RecoveryMailService.class.getName());

    /** At most this many accounts get a mail for one address: beyond, the directory's data is at fault. */
    static final int MAX_ACCOUNTS_PER_EMAIL = 5;
    /** The longest address SMTP carries (RFC 5321). */
    /** Writes retried after a concurrent change to the same account. */
    private static final int ATTEMPTS = 3;

    /** What the page tells the visitor. */
    public sealed interface Outcome {
        /** The constant answer: "if an account matches, a message has been sent". */
        record Answered() implements Outcome {}

        /** What was typed as an email address is not one address: nothing was looked up. */
        record NotAnEmail() implements Outcome {}

        /** Too many requests from this client address: nothing was looked up. */
        record ClientBlocked(Instant until) implements Outcome {}
    }

    private PeopleDirectory people;
    private Tokens tokens;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private ClientThrottle clients;
    private MailRequestLimit limit;
    private ResponseTimeFloor floor;
    private Duration linkLifetime;
    private TokenLinks links;
    private String portalAddress;
    private Clock clock;
    private Executor mailQueue;

    @Resource
    ManagedExecutorService managedExecutor;

    /** For CDI's proxy only. */
    protected RecoveryMailService() {}

    @Inject
    public RecoveryMailService(PeopleDirectory people, Tokens tokens, AuditTrail audit, MailSender mailSender,
            MailComposer mails, Throttles throttles, SesameConfig config) {
        this(people, tokens, audit, mailSender, mails, throttles.clients(), config,
                new ResponseTimeFloor(config.mailRequestResponseFloor()), Clock.systemUTC(), null);
    }

    /** @param mailQueue runs the sending of each mail; {@code null} under CDI, which uses the server's managed executor */
    public RecoveryMailService(PeopleDirectory people, Tokens tokens, AuditTrail audit, MailSender mailSender,
            MailComposer mails, ClientThrottle clients, SesameConfig config, ResponseTimeFloor floor, Clock clock,
            Executor mailQueue) {
        this.people = people;
        this.tokens = tokens;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.clients = clients;
        this.limit = new MailRequestLimit(config.mailRequestMaxPerAccount(), config.mailRequestWindow());
        this.floor = floor;
        this.linkLifetime = config.resetLinkLifetime();
        this.links = new TokenLinks(config.publicBaseUrl());
        this.portalAddress = config.publicBaseUrl();
        this.clock = clock;
        this.mailQueue = mailQueue;
    }

    @PostConstruct
    void useTheManagedExecutor() {
        if (mailQueue == null) {
            mailQueue = managedExecutor;
        }
    }

    /** How long a reset link works, for the pages to say. */
    public Duration linkLifetime() {
        return linkLifetime;
    }

    /**
     * Mails a reset link to the account whose login is {@code loginOrEmail}, or to every account whose personal
     * address it is: only to accounts open to self-service, activated, with a personal address, and under their
     * mail limit. Each gets its own link, replacing any earlier one.
     */
    public Outcome requestResetLink(String loginOrEmail, Locale locale, String clientAddress) {
        String typed = loginOrEmail == null ? "" : loginOrEmail.strip();
        boolean byEmail = typed.contains("@");
        Optional<String> email = byEmail ? EmailAddresses.oneAddress(typed) : Optional.empty();
        if (byEmail && email.isEmpty()) {
            return new Outcome.NotAnEmail();
        }
        return answer(clientAddress, () -> {
            List<Account> accounts = byEmail
                    ? people.findAllBy(AccountField.PERSONAL_EMAIL, email.get(), MAX_ACCOUNTS_PER_EMAIL)
                    : people.findBy(AccountField.LOGIN, typed).stream().toList();
            for (Account account : accounts) {
                if (mayReceiveResetLink(account)) {
                    sendResetLink(account, byEmail ? "email" : "login", locale, clientAddress);
                }
            }
        });
    }

    /** Mails their login to every account open to self-service whose personal address is {@code email}. */
    public Outcome requestLogins(String email, Locale locale, String clientAddress) {
        Optional<String> address = EmailAddresses.oneAddress(email);
        if (address.isEmpty()) {
            return new Outcome.NotAnEmail();
        }
        return answer(clientAddress, () -> {
            for (Account account : people.findAllBy(AccountField.PERSONAL_EMAIL, address.get(), MAX_ACCOUNTS_PER_EMAIL)) {
                if (openToSelfService(account) && account.personalEmail().isPresent()) {
                    sendLogin(account, locale, clientAddress);
                }
            }
        });
    }


    /**
     * Mails a reset link to the account's personal address because a helpdesk agent asked for it: the same link
     * and mail as {@link #requestResetLink}, replacing any earlier link, audited with the agent as actor; the
     * per-account mail limit does not apply (the agent is talking to the person). The token is stored before
     * the mail leaves, at once rather than in the background, so the agent learns whether it left.
     *
     * @return whether the SMTP server took the mail
     * @throws IllegalArgumentException if the account may not receive a reset link ({@link #mayReceiveResetLink})
     * @throws ConcurrentChangeException if the account's tokens changed since it was read (read again and retry)
     */
    public boolean sendResetLinkForAgent(Account account, Locale locale, String agent, String clientAddress) {
        if (!mayReceiveResetLink(account)) {
            throw new IllegalArgumentException("No reset link may be sent to " + account.dn());
        }
        AuditRecord record = AuditRecord.byAgent(clock.instant(), AuditEvent.RESET_LINK_SENT, agent, clientAddress,
                account.login()).with("requested-by", "helpdesk");
        Tokens.Issued issued = tokens.issue(account, TokenPurpose.RESET, linkLifetime);
        audit.applyAudited(issued.update(), account, record);
        String link = links.link(ResetByLinkService.PAGE, account.value(AccountField.UID).orElseThrow(), issued.token());
        try {
            mailSender.send(mails.compose(MailTemplate.RESET_LINK, account.personalEmail().get(), locale,
                    account.displayName(), account.login(), link, Times.dateTime(issued.expiresAt(), locale)));
            return true;
        } catch (MailNotSentException e) {
            LOG.warning(() -> "A reset link asked for by the helpdesk could not be sent: " + e.getMessage());
            return false;
        }
    }

    private Outcome answer(String clientAddress, Runnable work) {
        Optional<Instant> blocked = clients.blockedUntil(clientAddress);
        if (blocked.isPresent()) {
            return new Outcome.ClientBlocked(blocked.get());
        }
        clients.recordFailure(clientAddress);
        return floor.apply(() -> {
            work.run();
            return new Outcome.Answered();
        });
    }

    private static boolean openToSelfService(Account account) {
        return account.accountAllowed() && !account.isTrue(AccountField.SELF_SERVICE_DISABLED);
    }

    /** Open, activated (a link must not bypass activation: charter, joker), and with an address to write to. */
    public static boolean mayReceiveResetLink(Account account) {
        return openToSelfService(account) && account.personalEmail().isPresent()
                && (account.has(AccountField.ACTIVATED_AT) || account.has(AccountField.PASSWORD));
    }

    private void sendResetLink(Account read, String requestedBy, Locale locale, String clientAddress) {
        Account account = read;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            AuditRecord record = AuditRecord.of(now, AuditEvent.RESET_LINK_SENT, true, AuditRecord.ANONYMOUS,
                    clientAddress, account.login(), Map.of("requested-by", requestedBy));
            if (!limit.allows(audit.eventsOf(account), now)) {
                audit.log(record.failed().with("reason", "mail-limit"));
                return;
            }
            Tokens.Issued issued = tokens.issue(account, TokenPurpose.RESET, linkLifetime);
            try {
                audit.applyAudited(issued.update(), account, record);
            } catch (AccountNotFoundException deleted) {
                return;
            } catch (DirectoryUnavailableException e) {
                throw e;
            } catch (DirectoryException changedMeanwhile) {
                // A concurrent request for the same account replaced its token first: judge again on a fresh read.
                account = reread(account);
                if (account == null || !mayReceiveResetLink(account)) {
                    return;
                }
                continue;
            }
            String link = links.link(ResetByLinkService.PAGE, account.value(AccountField.UID).orElseThrow(), issued.token());
            send(mails.compose(MailTemplate.RESET_LINK, account.personalEmail().get(), locale, account.displayName(),
                    account.login(), link, Times.dateTime(issued.expiresAt(), locale)));
            return;
        }
        LOG.warning(() -> "No reset link could be stored for " + read.dn() + " after " + ATTEMPTS + " attempts");
    }

    private void sendLogin(Account account, Locale locale, String clientAddress) {
        Instant now = clock.instant();
        AuditRecord record = AuditRecord.of(now, AuditEvent.LOGIN_REMINDED, true, AuditRecord.ANONYMOUS, clientAddress,
                account.login(), Map.of("channel", "email"));
        if (!limit.allows(audit.eventsOf(account), now)) {
            audit.log(record.failed().with("reason", "mail-limit"));
            return;
        }
        try {
            audit.applyAudited(AccountUpdate.of(account), account, record);
        } catch (ConcurrentChangeException | AccountNotFoundException e) {
            return;
        }
        send(mails.compose(MailTemplate.LOGIN_REMINDER, account.personalEmail().get(), locale, account.displayName(),
                account.login(), portalAddress));
    }

    private Account reread(Account account) {
        return people.findByDn(account.dn()).orElse(null);
    }

    private void send(OutgoingMail mail) {
        mailQueue.execute(() -> {
            try {
                mailSender.send(mail);
            } catch (MailNotSentException e) {
                LOG.warning(() -> "A mail asked for anonymously could not be sent: " + e.getMessage());
            }
        });
    }
}
