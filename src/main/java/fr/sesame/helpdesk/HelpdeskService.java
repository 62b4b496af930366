package fr.sesame.helpdesk;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountNotFoundException;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.MobileNumbers;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.EmailAddresses;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.recovery.RecoveryMailService;
import fr.sesame.recovery.ResetByLinkService;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.Throttles;
import fr.sesame.selfcare.Affiliation;
import fr.sesame.sms.SmsNotSentException;
import fr.sesame.sms.SmsSender;
import fr.sesame.sms.SmsTexts;
import fr.sesame.token.TokenLinks;
import fr.sesame.token.TokenPurpose;
import fr.sesame.token.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What a helpdesk agent may do: find people, read a record, and act on an account. Each action reads the account
 * afresh by its DN, writes in one modify guarded by what it read, and adds one audit event whose actor is the
 * agent. Callers check the agent's role; this service trusts the agent login it is given.
 */
@ApplicationScoped
public class HelpdeskService {

    /** The most results a search shows; beyond, the agent must type more. */
    public static final int SEARCH_LIMIT = 50;
    /** The fewest characters a search looks for, so that one letter does not list the directory. */
    public static final int SEARCH_MIN_LENGTH = 2;

    private static final Logger LOG = Logger.getLogger(HelpdeskService.class.getName());
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    /** What a search found. */
    public sealed interface SearchOutcome extends Serializable {
        /** Fewer than {@link #SEARCH_MIN_LENGTH} characters: nothing was looked up. */
        record TooShort() implements SearchOutcome {}

        /** At most {@link #SEARCH_LIMIT} people, sorted by name; {@code more} when others matched too. */
        record Found(List<PersonRow> people, boolean more) implements SearchOutcome {}
    }

    private PeopleDirectory people;
    private AuditTrail audit;
    private AccountThrottle throttle;
    private TemporaryPasswords temporaryPasswords;
    private RecoveryMailService recoveryMails;
    private Tokens tokens;
    private SmsSender sms;
    private TokenLinks links;
    private Duration linkLifetime;
    private Clock clock;

    /** For CDI's proxy only. */
    protected HelpdeskService() {}

    @Inject
    public HelpdeskService(PeopleDirectory people, AuditTrail audit, Throttles throttles,
            TemporaryPasswords temporaryPasswords, RecoveryMailService recoveryMails, Tokens tokens, SmsSender sms,
            SesameConfig config) {
        this(people, audit, throttles.accounts(), temporaryPasswords, recoveryMails, tokens, sms, config,
                Clock.systemUTC());
    }

    public HelpdeskService(PeopleDirectory people, AuditTrail audit, AccountThrottle throttle,
            TemporaryPasswords temporaryPasswords, RecoveryMailService recoveryMails, Tokens tokens, SmsSender sms,
            SesameConfig config, Clock clock) {
        this.people = people;
        this.audit = audit;
        this.throttle = throttle;
        this.temporaryPasswords = temporaryPasswords;
        this.recoveryMails = recoveryMails;
        this.tokens = tokens;
        this.sms = sms;
        this.links = new TokenLinks(config.publicBaseUrl());
        this.linkLifetime = config.resetLinkLifetime();
        this.clock = clock;
    }

    /** People whose names start with {@code text}, or who have it as an identifier (see {@link PeopleDirectory#search}). */
    public SearchOutcome search(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.length() < SEARCH_MIN_LENGTH) {
            return new SearchOutcome.TooShort();
        }
        PeopleDirectory.Matches matches = people.search(typed, SEARCH_LIMIT);
        List<PersonRow> rows = matches.accounts().stream()
                .filter(account -> account.has(AccountField.UID))
                .map(account -> new PersonRow(account.value(AccountField.UID).get(), account.displayName(),
                        account.login(), affiliations(account)))
                .toList();
        return new SearchOutcome.Found(rows, matches.more());
    }

    /** The record of the person with this uid, if exactly one has it. */
    public Optional<PersonRecord> find(String uid) {
        return people.findBy(AccountField.UID, uid).map(this::record);
    }

    /** The record at {@code dn}, read afresh. */
    public Optional<PersonRecord> read(String dn) {
        return people.findByDn(dn).map(this::record);
    }

    /**
     * Sets the alias (a blank one removes it) after checking that no other account has it as alias or login. Two
     * agents giving the same alias at the same instant to two people are not caught: only a directory uniqueness
     * constraint (OpenLDAP's {@code unique} overlay, 389-DS's attribute uniqueness plug-in) can.
     */
    public HelpdeskOutcome changeAlias(String dn, String alias, String agent, String client) {
        String wanted = alias == null ? "" : alias.strip().toLowerCase(Locale.ROOT);
        if (!wanted.isEmpty() && !ALIAS.matcher(wanted).matches()) {
            return new HelpdeskOutcome.AliasInvalid();
        }
        return act(dn, account -> {
            if (wanted.equalsIgnoreCase(account.value(AccountField.ALIAS).orElse(""))) {
                return new HelpdeskOutcome.Unchanged();
            }
            if (!wanted.isEmpty() && (takenByAnother(AccountField.ALIAS, wanted, account)
                    || takenByAnother(AccountField.LOGIN, wanted, account))) {
                return new HelpdeskOutcome.AliasTaken();
            }
            AccountUpdate update = AccountUpdate.of(account).expectingUnchanged(account, AccountField.ALIAS);
            if (wanted.isEmpty()) {
                update.clear(AccountField.ALIAS);
            } else {
                update.set(AccountField.ALIAS, wanted);
            }
            audit.applyAudited(update, account, record(AuditEvent.ALIAS_CHANGED, agent, client, account)
                    .with("alias", wanted));
            return new HelpdeskOutcome.Done();
        });
    }

    /** Replaces the personal address with {@code email}, one address, at once (the agent checked it with the person). */
    public HelpdeskOutcome setPersonalEmail(String dn, String email, String agent, String client) {
        Optional<String> address = EmailAddresses.oneAddress(email);
        if (address.isEmpty()) {
            return new HelpdeskOutcome.NotAnEmail();
        }
        return act(dn, account -> {
            if (address.get().equalsIgnoreCase(account.personalEmail().orElse(""))) {
                return new HelpdeskOutcome.Unchanged();
            }
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.PERSONAL_EMAIL)
                    .set(AccountField.PERSONAL_EMAIL, address.get())
                    // The agent's address wins over a change the person had started: its link must not undo it.
                    .clear(AccountField.PENDING_EMAIL);
            String[] pendingLinks = account.values(AccountField.TOKEN).stream()
                    .filter(token -> token.startsWith(TokenPurpose.EMAIL.key() + "$"))
                    .toArray(String[]::new);
            if (pendingLinks.length > 0) {
                update.remove(AccountField.TOKEN, pendingLinks);
            }
            audit.applyAudited(update, account, record(AuditEvent.PERSONAL_EMAIL_CHANGED, agent, client, account));
            return new HelpdeskOutcome.Done();
        });
    }

    /** Mails the portal's reset link to the personal address on file (see {@link RecoveryMailService#sendResetLinkForAgent}). */
    public HelpdeskOutcome sendResetLink(String dn, Locale locale, String agent, String client) {
        return act(dn, account -> {
            if (!RecoveryMailService.mayReceiveResetLink(account)) {
                return new HelpdeskOutcome.NotAllowed();
            }
            return new HelpdeskOutcome.ResetLinkSent(recoveryMails.sendResetLinkForAgent(account, locale, agent, client));
        });
    }

    /** Whether an SMS gateway is configured, so that the console offers {@link #sendResetSms}. */
    public boolean smsAvailable() {
        return sms.available();
    }

    /**
     * Texts the reset link (the same link as the mail's: a new token replacing the earlier one, single use, expiring,
     * only its hash stored) to the mobile number on file, in the person's preferred language, French by default;
     * refused for a closed, disabled or never activated account. The SMS leaves before the token is stored: if the
     * gateway does not take it, nothing is written and an earlier link still works; if the write then fails (the
     * account changed meanwhile), the link that left was never stored and opens nothing.
     */
    public HelpdeskOutcome sendResetSms(String dn, String agent, String client) {
        if (!sms.available()) {
            return new HelpdeskOutcome.SmsUnavailable();
        }
        return act(dn, account -> {
            if (!openToSelfService(account) || !activated(account)) {
                return new HelpdeskOutcome.NotAllowed();
            }
            Optional<String> mobile = account.value(AccountField.MOBILE).flatMap(MobileNumbers::normalize);
            if (mobile.isEmpty()) {
                return new HelpdeskOutcome.NoMobile();
            }
            Tokens.Issued issued = tokens.issue(account, TokenPurpose.RESET, linkLifetime);
            String link = links.link(ResetByLinkService.PAGE, account.value(AccountField.UID).orElseThrow(),
                    issued.token());
            AuditRecord sent = record(AuditEvent.RESET_SMS_SENT, agent, client, account)
                    .with("requested-by", "helpdesk");
            try {
                sms.send(mobile.get(), SmsTexts.resetLink(
                        SmsTexts.languageOf(account.value(AccountField.PREFERRED_LANGUAGE)), link, linkLifetime));
            } catch (SmsNotSentException e) {
                LOG.warning(() -> "A reset SMS asked for by the helpdesk could not be sent: " + e.getMessage());
                audit.log(sent.failed().with("reason", "sms-not-sent"));
                return new HelpdeskOutcome.SmsNotSent();
            }
            audit.applyAudited(issued.update(), account, sent);
            return new HelpdeskOutcome.Done();
        });
    }

    /**
     * Gives the account a new temporary password, to be changed at the next sign-in; refused for a closed, disabled
     * or never activated account (a password must not bypass the activation and its charter).
     */
    public HelpdeskOutcome issueTemporaryPassword(String dn, String agent, String client) {
        return act(dn, account -> {
            if (!openToSelfService(account) || !activated(account)) {
                return new HelpdeskOutcome.NotAllowed();
            }
            AccountUpdate update = AccountUpdate.of(account).expectingUnchanged(account, AccountField.PASSWORD);
            TemporaryPasswords.TemporaryPassword password = temporaryPasswords.addTo(update, account);
            audit.applyAudited(update, account, record(AuditEvent.TEMPORARY_PASSWORD_ISSUED, agent, client, account));
            return new HelpdeskOutcome.TemporaryPasswordIssued(password);
        });
    }

    /** Forgets every failure and the lock, running or not. */
    public HelpdeskOutcome unlock(String dn, String agent, String client) {
        return act(dn, account -> {
            if (!account.has(AccountField.FAILURE) && !account.has(AccountField.LOCKED_UNTIL)) {
                return new HelpdeskOutcome.Unchanged();
            }
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.LOCKED_UNTIL)
                    .clear(AccountField.FAILURE)
                    .clear(AccountField.LOCKED_UNTIL);
            audit.applyAudited(update, account, record(AuditEvent.ACCOUNT_UNLOCKED, agent, client, account));
            return new HelpdeskOutcome.Done();
        });
    }

    /** Removes the joker question and answer; the person must choose new ones at their next visit. */
    public HelpdeskOutcome resetJoker(String dn, String agent, String client) {
        return act(dn, account -> {
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.JOKER_ANSWER)
                    .clear(AccountField.JOKER_QUESTION)
                    .clear(AccountField.JOKER_ANSWER)
                    .set(AccountField.JOKER_RESET_REQUIRED, true);
            audit.applyAudited(update, account, record(AuditEvent.JOKER_RESET, agent, client, account));
            return new HelpdeskOutcome.Done();
        });
    }

    /** Disables or enables the person's self-service (activation, recovery, account page). */
    public HelpdeskOutcome setSelfServiceDisabled(String dn, boolean disabled, String agent, String client) {
        return act(dn, account -> {
            if (account.isTrue(AccountField.SELF_SERVICE_DISABLED) == disabled) {
                return new HelpdeskOutcome.Unchanged();
            }
            AccountUpdate update = AccountUpdate.of(account)
                    .expectingUnchanged(account, AccountField.SELF_SERVICE_DISABLED);
            if (disabled) {
                update.set(AccountField.SELF_SERVICE_DISABLED, true);
            } else {
                update.clear(AccountField.SELF_SERVICE_DISABLED);
            }
            audit.applyAudited(update, account, record(disabled ? AuditEvent.SELF_SERVICE_DISABLED
                    : AuditEvent.SELF_SERVICE_ENABLED, agent, client, account));
            return new HelpdeskOutcome.Done();
        });
    }

    private HelpdeskOutcome act(String dn, Function<Account, HelpdeskOutcome> action) {
        try {
            Optional<Account> account = people.findByDn(dn);
            return account.isEmpty() ? new HelpdeskOutcome.Gone() : action.apply(account.get());
        } catch (ConcurrentChangeException e) {
            return new HelpdeskOutcome.ChangedMeanwhile();
        } catch (AccountNotFoundException e) {
            return new HelpdeskOutcome.Gone();
        }
    }

    private boolean takenByAnother(AccountField field, String value, Account account) {
        return people.findAllBy(field, value, 2).stream().anyMatch(other -> !other.dn().equals(account.dn()));
    }

    private AuditRecord record(AuditEvent event, String agent, String client, Account account) {
        return AuditRecord.byAgent(clock.instant(), event, agent, client, account.login());
    }

    private static boolean openToSelfService(Account account) {
        return account.accountAllowed() && !account.isTrue(AccountField.SELF_SERVICE_DISABLED);
    }

    private static boolean activated(Account account) {
        return account.has(AccountField.ACTIVATED_AT) || account.has(AccountField.PASSWORD);
    }

    private static List<Affiliation> affiliations(Account account) {
        return Affiliation.of(account.value(AccountField.PRIMARY_AFFILIATION), account.values(AccountField.AFFILIATION));
    }

    private PersonRecord record(Account account) {
        return new PersonRecord(account.dn(), account.value(AccountField.UID).orElse(""), account.login(),
                account.displayName(), affiliations(account), account.value(AccountField.ALIAS).orElse(""),
                account.value(AccountField.ENTRY_UUID).orElse(""), instant(account, AccountField.CREATED_AT),
                instant(account, AccountField.MODIFIED_AT), account.accountAllowed(), activated(account),
                account.isTrue(AccountField.SELF_SERVICE_DISABLED), throttle.lockedUntil(account).orElse(null),
                account.values(AccountField.FAILURE).size(), account.personalEmail().isPresent(),
                account.has(AccountField.MOBILE), account.value(AccountField.JOKER_QUESTION).orElse(""),
                account.isTrue(AccountField.JOKER_RESET_REQUIRED), instant(account, AccountField.PASSWORD_CHANGED_AT),
                temporaryPasswords.mustChangePassword(account), audit.eventsOf(account));
    }

    private static Instant instant(Account account, AccountField field) {
        return account.instant(field).orElse(null);
    }
}
