package fr.sesame.recovery;

import fr.sesame.identification.Identification;
import fr.sesame.identification.IdentificationForm;
import fr.sesame.identification.IdentificationMessages;
import fr.sesame.identification.IdentificationResult;
import fr.sesame.password.NewPasswordForm;
import fr.sesame.password.PasswordProblems;
import fr.sesame.recovery.PasswordRecoveryService.AnswerOutcome;
import fr.sesame.recovery.PasswordRecoveryService.Eligibility;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The forgotten-password flow as the person goes through it (seeds 000, 001): identification, their own
 * joker question, a new password. The account and its question are fixed on the server once identified;
 * reloading shows the same question, never another.
 */
@Named
@SessionScoped
public class PasswordRecovery implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SELF = "/recovery/password?faces-redirect=true";

    /** The flow's steps, in order. */
    public enum Step {
        IDENTIFY,
        CODE,
        JOKER,
        PASSWORD,
        DONE
    }

    @Inject
    Identification identification;

    @Inject
    PasswordRecoveryService recovery;

    private IdentificationForm identificationForm = new IdentificationForm();
    private Step step = Step.IDENTIFY;
    private String by;
    private Eligibility refusal;

    private String dn;
    private String login;
    private String question;
    private MailedCode mailedCode;
    private String code;
    private String answer;
    private NewPasswordForm newPassword = new NewPasswordForm();
    private boolean mailSent;

    /** On every visit: a link that names the identifier kind starts the flow afresh. */
    public void open() {
        if (by != null) {
            restart();
            identificationForm.setBy(by);
            by = null;
        }
    }

    public String identify() {
        refusal = null;
        IdentificationResult result = identification.identify(identificationForm.getKind(),
                identificationForm.getIdentifier(), identificationForm.getBirthDate(), Requests.clientAddress());
        if (!(result instanceof IdentificationResult.Identified identified)) {
            IdentificationMessages.show(result, "identify");
            return null;
        }
        Eligibility eligibility = recovery.eligibility(identified.account());
        if (eligibility != Eligibility.ELIGIBLE) {
            refusal = eligibility;
            return null;
        }
        Requests.renewSessionId();
        dn = identified.account().dn();
        login = identified.account().login();
        question = recovery.question(dn).orElse("");
        identificationForm.clearTyped();
        if (recovery.requiresMailedCode()) {
            mailedCode = recovery.mailCode(dn, FacesContext.getCurrentInstance().getViewRoot().getLocale()).orElse(null);
            if (mailedCode == null) {
                restart();
                PageMessages.error("recovery.code.error.cannotSend");
                return null;
            }
            step = Step.CODE;
            return SELF;
        }
        step = Step.JOKER;
        return SELF;
    }

    public String checkCode() {
        if (step != Step.CODE || mailedCode == null) {
            return SELF;
        }
        MailedCode.Check check = recovery.checkCode(mailedCode, code);
        code = null;
        switch (check) {
            case ACCEPTED -> {
                mailedCode = null;
                step = Step.JOKER;
                return SELF;
            }
            case WRONG -> {
                PageMessages.errorFor("code:code", "recovery.code.error.wrong", mailedCode.triesLeft());
                return null;
            }
            default -> {
                restart();
                PageMessages.error(check == MailedCode.Check.EXPIRED ? "recovery.code.error.expired" : "recovery.code.error.noMoreTries");
                return null;
            }
        }
    }

    public String checkAnswer() {
        if (step != Step.JOKER || dn == null) {
            return SELF;
        }
        AnswerOutcome outcome = recovery.answer(dn, answer, Requests.clientAddress());
        answer = null;
        if (outcome instanceof AnswerOutcome.Accepted) {
            step = Step.PASSWORD;
            return SELF;
        }
        if (outcome instanceof AnswerOutcome.Wrong wrong) {
            PageMessages.errorFor("joker:answer", "recovery.joker.error.wrong", wrong.triesLeft());
            return null;
        }
        AnswerOutcome.Locked locked = (AnswerOutcome.Locked) outcome;
        restart();
        PageMessages.error("recovery.joker.error.locked", Times.clock(locked.until()));
        return null;
    }

    /** The last step: writes at most once, whatever the clicks. */
    public synchronized String finish() {
        if (step != Step.PASSWORD || dn == null) {
            return SELF;
        }
        NewPasswordForm.Typed typed = newPassword.take();
        if (!newPassword.isCharterAccepted()) {
            PageMessages.errorFor("password:charter", "activation.password.error.charter");
            return null;
        }
        RecoveryOutcome outcome = recovery.reset(dn, typed.password(), typed.confirmation(),
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), Requests.clientAddress());
        if (outcome instanceof RecoveryOutcome.PasswordChanged changed) {
            mailSent = changed.mailSent();
            step = Step.DONE;
            return SELF;
        }
        if (outcome instanceof RecoveryOutcome.PasswordRefused refused) {
            PasswordProblems.show(refused.problems(), "password:password");
            return null;
        }
        restart();
        PageMessages.error("recovery.error.notAllowed");
        return null;
    }

    private void restart() {
        identificationForm = new IdentificationForm();
        step = Step.IDENTIFY;
        refusal = null;
        dn = login = question = answer = code = null;
        mailedCode = null;
        newPassword = new NewPasswordForm();
        mailSent = false;
    }

    /** The steps this portal's mode goes through (the mailed code only in the stricter mode). */
    public List<Step> getSteps() {
        return java.util.Arrays.stream(Step.values())
                .filter(s -> s != Step.CODE || recovery.requiresMailedCode())
                .toList();
    }

    public int getStepNumber() {
        return getSteps().indexOf(step) + 1;
    }

    public int getStepCount() {
        return getSteps().size();
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Step getStep() {
        return step;
    }

    /** Why an identified account cannot go on, for the page to explain and point elsewhere. */
    public Eligibility getRefusal() {
        return refusal;
    }

    public IdentificationForm getIdentificationForm() {
        return identificationForm;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    public String getLogin() {
        return login;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return null;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }







    public NewPasswordForm getNewPassword() {
        return newPassword;
    }

    public boolean isMailSent() {
        return mailSent;
    }
}
