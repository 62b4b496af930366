package fr.sesame.selfcare;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.EmailAddresses;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.MailTemplate;
import fr.sesame.mail.OutgoingMail;
import fr.sesame.token.TokenLinks;
import fr.sesame.token.TokenPurpose;
import fr.sesame.token.Tokens;
import fr.sesame.web.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Changing one's personal email: the new address is only recorded once its owner follows the link mailed
 * to it (a token of purpose {@link TokenPurpose#EMAIL}, stored hashed with the pending address). The old
 * address and the new one are both told when the change takes effect.
 */
@ApplicationScoped
public class PersonalEmailChange {

    /** The confirmation page, signed in as the same person. */
    public static final String CONFIRM_PAGE = "/account/confirm-email.xhtml";

    /** What a request or a confirmation led to. */
    public sealed interface Outcome {
        /** The link went (or could not go: {@code mailSent}) to the new address, which is now pending. */
        record LinkSent(boolean mailSent) implements Outcome {}

        record NotAnEmail() implements Outcome {}

        record SameAsCurrent() implements Outcome {}

        /** The new address replaced the old one. */
        record Confirmed(String address) implements Outcome {}

        /** Expired, used, tampered, or meant for another account. */
        record LinkNotValid() implements Outcome {}

        record NotAllowed() implements Outcome {}
    }

    private PeopleDirectory people;
    private Tokens tokens;
    private AuditTrail audit;
    private MailSender mailSender;
    private MailComposer mails;
    private SesameConfig config;
    private Clock clock;

    /** For CDI's proxy only. */
    protected PersonalEmailChange() {}

    @Inject
    public PersonalEmailChange(PeopleDirectory people, Tokens tokens, AuditTrail audit, MailSender mailSender,
            MailComposer mails, SesameConfig config) {
        this(people, tokens, audit, mailSender, mails, config, Clock.systemUTC());
    }

    public PersonalEmailChange(PeopleDirectory people, Tokens tokens, AuditTrail audit, MailSender mailSender,
            MailComposer mails, SesameConfig config, Clock clock) {
        this.people = people;
        this.tokens = tokens;
        this.audit = audit;
        this.mailSender = mailSender;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** Records {@code typed} as the pending address of the account at {@code dn} and mails it a confirmation link. */
    public Outcome request(String dn, String typed, Locale locale, String clientAddress) {
        Optional<String> address = EmailAddresses.oneAddress(typed);
        if (address.isEmpty()) {
            return new Outcome.NotAnEmail();
        }
        for (int attempt = 1; ; attempt++) {
            Account account = people.getByDn(dn);
            if (!account.accountAllowed() || account.isTrue(AccountField.SELF_SERVICE_DISABLED)) {
                return new Outcome.NotAllowed();
            }
            if (account.personalEmail().map(address.get()::equalsIgnoreCase).orElse(false)) {
                return new Outcome.SameAsCurrent();
            }
            Tokens.Issued issued = tokens.issue(account, TokenPurpose.EMAIL, config.emailChangeLifetime());
            AccountUpdate update = issued.update().set(AccountField.PENDING_EMAIL, address.get());
            Instant now = clock.instant();
            try {
                audit.applyAudited(update, account,
                        AuditRecord.bySelf(AuditEvent.EMAIL_CHANGE_REQUESTED, account.login(), clientAddress, now));
            } catch (ConcurrentChangeException changedMeanwhile) {
                if (attempt >= 3) {
                    throw changedMeanwhile;
                }
                continue;
            }
            String link = new TokenLinks(config.publicBaseUrl())
                    .link(CONFIRM_PAGE, account.value(AccountField.UID).orElse(""), issued.token());
            return new Outcome.LinkSent(send(mails.compose(MailTemplate.EMAIL_CONFIRMATION, address.get(), locale,
                    account.displayName(), account.login(), link, Times.dateTime(issued.expiresAt(), locale))));
        }
    }

    /** The pending address the link is for, if the link is valid for the signed-in account; nothing is consumed. */
    public Optional<String> pendingFor(String signedInDn, String uid, String token) {
        return tokens.find(uid, token, TokenPurpose.EMAIL)
                .filter(valid -> valid.account().dn().equalsIgnoreCase(signedInDn))
                .flatMap(valid -> valid.account().value(AccountField.PENDING_EMAIL));
    }

    /** Makes the pending address the personal one, in one modify that also ends the token; tells both addresses. */
    public Outcome confirm(String signedInDn, String uid, String token, Locale locale, String clientAddress) {
        Optional<Tokens.ValidToken> valid = tokens.find(uid, token, TokenPurpose.EMAIL)
                .filter(found -> found.account().dn().equalsIgnoreCase(signedInDn));
        if (valid.isEmpty() || valid.get().account().value(AccountField.PENDING_EMAIL).isEmpty()) {
            return new Outcome.LinkNotValid();
        }
        Account account = valid.get().account();
        String address = account.value(AccountField.PENDING_EMAIL).get();
        AccountUpdate update = AccountUpdate.of(account)
                .expectingUnchanged(account, AccountField.PENDING_EMAIL)
                .set(AccountField.PERSONAL_EMAIL, address)
                .clear(AccountField.PENDING_EMAIL);
        tokens.consume(update, valid.get());
        Instant now = clock.instant();
        try {
            audit.applyAudited(update, account,
                    AuditRecord.bySelf(AuditEvent.PERSONAL_EMAIL_CHANGED, account.login(), clientAddress, now));
        } catch (ConcurrentChangeException usedMeanwhile) {
            return new Outcome.LinkNotValid();
        }
        List<String> told = new ArrayList<>();
        account.personalEmail().ifPresent(told::add);
        told.add(address);
        for (String to : told) {
            send(mails.compose(MailTemplate.ACCOUNT_CHANGED, to, locale, account.displayName(), account.login(),
                    AccountChange.PERSONAL_EMAIL.phrase(locale), Times.dateTime(now, locale), config.publicBaseUrl()));
        }
        return new Outcome.Confirmed(address);
    }

    private boolean send(OutgoingMail mail) {
        return mailSender.trySend(mail);
    }
}
