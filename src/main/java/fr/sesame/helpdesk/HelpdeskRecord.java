package fr.sesame.helpdesk;

import fr.sesame.password.TemporaryPasswords.TemporaryPassword;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person's record in the console ({@code helpdesk/person.xhtml?uid=…}) and the actions an agent takes on it. The
 * uid only picks the record when the page opens; actions work on the DN read then, each one read again by the
 * service, each one confirmed by a checkbox, and each one checked for the agent's role. A done action reloads the
 * page with its message (post-redirect-get), except the temporary password, which is shown in this response only;
 * a refused one answers in its own form, which gets the keyboard focus.
 */
@Named
@ViewScoped
public class HelpdeskRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HelpdeskService helpdesk;

    @Inject
    HelpdeskAgent agent;

    /** Request-scoped: the password is shown in the response to its issue only, never by a later postback. */
    @Inject
    IssuedTemporaryPassword issuedPassword;

    private String uid;
    private String dn;
    private PersonRecord record;

    private String alias;
    private String email;
    private boolean confirmEmail;
    private boolean confirmReset;
    private boolean confirmSms;
    private boolean confirmTemporary;
    private boolean confirmUnlock;
    private boolean confirmJoker;
    private boolean confirmSelfService;

    /** On the first visit of the view: finds the record the URL names. */
    public void open() {
        if (agent.login().isEmpty()) {
            agent.refuse();
            return;
        }
        Optional<PersonRecord> found = uid == null || uid.isBlank() ? Optional.empty() : helpdesk.find(uid.strip());
        if (found.isEmpty()) {
            PageMessages.error("helpdesk.record.notFound");
            return;
        }
        show(found.get());
    }

    private void show(PersonRecord person) {
        record = person;
        dn = person.dn();
        alias = person.alias();
    }

    public String changeAlias() {
        return act("alias", null, (login) -> helpdesk.changeAlias(dn, alias, login, Requests.clientAddress()),
                "helpdesk.alias.saved", "alias:value");
    }

    public String setPersonalEmail() {
        return act("email", confirmEmail,
                (login) -> helpdesk.setPersonalEmail(dn, email, login, Requests.clientAddress()),
                "helpdesk.email.saved", "email:address");
    }

    public String sendResetLink() {
        return act("reset", confirmReset,
                (login) -> helpdesk.sendResetLink(dn, locale(), login, Requests.clientAddress()),
                "helpdesk.reset.sent", null);
    }

    public String sendResetSms() {
        return act("sms", confirmSms, (login) -> helpdesk.sendResetSms(dn, login, Requests.clientAddress()),
                "helpdesk.sms.sent", null);
    }

    public String issueTemporaryPassword() {
        return act("temporary", confirmTemporary,
                (login) -> helpdesk.issueTemporaryPassword(dn, login, Requests.clientAddress()),
                "helpdesk.temporary.issued", null);
    }

    public String unlock() {
        return act("unlock", confirmUnlock, (login) -> helpdesk.unlock(dn, login, Requests.clientAddress()),
                "helpdesk.unlock.done", null);
    }

    public String resetJoker() {
        return act("joker", confirmJoker, (login) -> helpdesk.resetJoker(dn, login, Requests.clientAddress()),
                "helpdesk.joker.done", null);
    }

    public String toggleSelfService() {
        boolean disable = record != null && !record.selfServiceDisabled();
        return act("selfService", confirmSelfService,
                (login) -> helpdesk.setSelfServiceDisabled(dn, disable, login, Requests.clientAddress()),
                disable ? "helpdesk.selfService.disabled" : "helpdesk.selfService.enabled", null);
    }

    /**
     * Runs one action for the agent, once confirmed ({@code null}: needs no confirmation), and answers with its
     * outcome. An action refused, or that found nothing to change, answers in its own form (client id {@code form}),
     * where the page takes the agent back: by its confirmation box ({@code form:confirm}) when not ticked, by
     * {@code field} when the value typed there is refused, by the form itself otherwise. What concerns the whole
     * record (not found, changed meanwhile) is for the page's messages.
     */
    private String act(String form, Boolean confirmed, Function<String, HelpdeskOutcome> action, String doneKey,
            String field) {
        Optional<String> login = agent.login();
        if (login.isEmpty()) {
            agent.refuse();
            return null;
        }
        if (dn == null) {
            PageMessages.error("helpdesk.record.notFound");
            return null;
        }
        if (Boolean.FALSE.equals(confirmed)) {
            PageMessages.errorFor(form + ":confirm", "helpdesk.confirm.required");
            return null;
        }
        HelpdeskOutcome outcome = action.apply(login.get());
        resetConfirmations();
        if (outcome instanceof HelpdeskOutcome.TemporaryPasswordIssued issued) {
            issuedPassword.keep(issued.password());
            PageMessages.info(doneKey);
            helpdesk.read(dn).ifPresent(this::show);
            return null;
        }
        if (outcome instanceof HelpdeskOutcome.Done) {
            return reload(doneKey);
        }
        if (outcome instanceof HelpdeskOutcome.ResetLinkSent sent) {
            return reload(sent.mailSent() ? doneKey : "helpdesk.reset.notSent");
        }
        if (outcome instanceof HelpdeskOutcome.Unchanged) {
            PageMessages.infoFor(form, "helpdesk.unchanged");
        } else if (outcome instanceof HelpdeskOutcome.AliasInvalid) {
            PageMessages.errorFor(field, "helpdesk.alias.invalid");
        } else if (outcome instanceof HelpdeskOutcome.AliasTaken) {
            PageMessages.errorFor(field, "helpdesk.alias.taken");
        } else if (outcome instanceof HelpdeskOutcome.NotAnEmail) {
            PageMessages.errorFor(field, "helpdesk.email.invalid");
        } else if (outcome instanceof HelpdeskOutcome.NotAllowed) {
            PageMessages.errorFor(form, "helpdesk.notAllowed");
        } else if (outcome instanceof HelpdeskOutcome.NoMobile) {
            PageMessages.errorFor(form, "helpdesk.sms.noMobile");
        } else if (outcome instanceof HelpdeskOutcome.SmsNotSent) {
            PageMessages.errorFor(form, "helpdesk.sms.notSent");
        } else if (outcome instanceof HelpdeskOutcome.SmsUnavailable) {
            PageMessages.errorFor(form, "helpdesk.sms.unavailable");
        } else if (outcome instanceof HelpdeskOutcome.ChangedMeanwhile) {
            PageMessages.error("helpdesk.changedMeanwhile");
            helpdesk.read(dn).ifPresent(this::show);
        } else {
            PageMessages.error("helpdesk.record.notFound");
        }
        return null;
    }


    private String reload(String key) {
        PageMessages.info(key);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/helpdesk/person?faces-redirect=true&uid=" + URLEncoder.encode(record.uid(), StandardCharsets.UTF_8);
    }

    private void resetConfirmations() {
        confirmEmail = confirmReset = confirmSms = confirmTemporary = confirmUnlock = confirmJoker = confirmSelfService = false;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** A date and time as the agent reads it, in the portal's time zone. */
    public String dateTime(Instant instant) {
        return Times.dateTime(instant, locale());
    }

    public PersonRecord getRecord() {
        return record;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isConfirmEmail() {
        return confirmEmail;
    }

    public void setConfirmEmail(boolean confirmEmail) {
        this.confirmEmail = confirmEmail;
    }

    public boolean isConfirmReset() {
        return confirmReset;
    }

    public void setConfirmReset(boolean confirmReset) {
        this.confirmReset = confirmReset;
    }

    public boolean isConfirmSms() {
        return confirmSms;
    }

    public void setConfirmSms(boolean confirmSms) {
        this.confirmSms = confirmSms;
    }

    /** Whether the console offers to text the reset link: only with an SMS gateway configured. */
    public boolean isSmsAvailable() {
        return helpdesk.smsAvailable();
    }

    public boolean isConfirmTemporary() {
        return confirmTemporary;
    }

    public void setConfirmTemporary(boolean confirmTemporary) {
        this.confirmTemporary = confirmTemporary;
    }

    public boolean isConfirmUnlock() {
        return confirmUnlock;
    }

    public void setConfirmUnlock(boolean confirmUnlock) {
        this.confirmUnlock = confirmUnlock;
    }

    public boolean isConfirmJoker() {
        return confirmJoker;
    }

    public void setConfirmJoker(boolean confirmJoker) {
        this.confirmJoker = confirmJoker;
    }

    public boolean isConfirmSelfService() {
        return confirmSelfService;
    }

    public void setConfirmSelfService(boolean confirmSelfService) {
        this.confirmSelfService = confirmSelfService;
    }

    public String getTemporaryPassword() {
        return issuedPassword.get().map(TemporaryPassword::password).orElse(null);
    }

    public String getTemporaryPasswordExpiry() {
        return issuedPassword.get().map(issued -> dateTime(issued.expiresAt())).orElse(null);
    }
}
