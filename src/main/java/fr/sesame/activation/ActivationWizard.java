package fr.sesame.activation;

import fr.sesame.activation.ActivationOutcome.Activated;
import fr.sesame.activation.ActivationOutcome.AlreadyActive;
import fr.sesame.activation.ActivationOutcome.PasswordRefused;
import fr.sesame.activation.ActivationService.Eligibility;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.MobileNumbers;
import fr.sesame.identification.Identification;
import fr.sesame.identification.IdentificationForm;
import fr.sesame.identification.IdentificationMessages;
import fr.sesame.identification.IdentificationResult;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.JokerQuestions;
import fr.sesame.password.NewPasswordForm;
import fr.sesame.password.PasswordProblems;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The activation wizard (seed 002) as the person goes through it. Its state lives on the server for the
 * session: once identification passed, the account is the one held here, whatever the browser sends.
 * Nothing is written before the last step; Back, reload and a double click on "Valider" are harmless.
 */
@Named
@SessionScoped
public class ActivationWizard implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SELF = "/activation/wizard?faces-redirect=true";

    /** The wizard's steps, in order. */
    public enum Step {
        IDENTIFY,
        JOKER,
        SMS,
        CONSENTS,
        PASSWORD,
        DONE
    }

    @Inject
    Identification identification;

    @Inject
    ActivationService activation;

    @Inject
    JokerAnswers jokerAnswers;

    @Inject
    JokerQuestions jokerQuestions;

    private IdentificationForm identificationForm = new IdentificationForm();
    private Step step = Step.IDENTIFY;
    private String by;

    private String dn;
    private String login;
    private String uid;
    private String personalEmail;

    private String questionChoice;
    private String ownQuestion;
    private String answer;
    private String jokerQuestion;
    private String jokerAnswerHash;

    private Boolean smsAlerts;
    private String mobile;
    private String normalizedMobile;
    private Boolean photoUse;
    private Boolean listedInDirectory;

    private NewPasswordForm newPassword = new NewPasswordForm();
    private boolean mailSent;

    /** On every visit: a link that names the identifier kind starts the wizard afresh. */
    public void open() {
        if (by != null) {
            restart();
            identificationForm.setBy(by);
            by = null;
        }
    }

    public String identify() {
        IdentificationResult result = identification.identify(identificationForm.getKind(),
                identificationForm.getIdentifier(), identificationForm.getBirthDate(), Requests.clientAddress());
        if (!(result instanceof IdentificationResult.Identified identified)) {
            IdentificationMessages.show(result, "identify");
            return null;
        }
        Account account = identified.account();
        Eligibility eligibility = activation.eligibility(account);
        if (eligibility == Eligibility.ALREADY_ACTIVE) {
            PageMessages.error("activation.error.alreadyActive");
            return null;
        }
        if (eligibility == Eligibility.NOT_ALLOWED) {
            PageMessages.error("activation.error.notAllowed");
            return null;
        }
        Requests.renewSessionId();
        dn = account.dn();
        login = account.login();
        uid = account.value(AccountField.UID).orElse("");
        personalEmail = account.personalEmail().orElse(null);
        identificationForm.clearTyped();
        step = Step.JOKER;
        return SELF;
    }

    public String chooseJoker() {
        if (!at(Step.JOKER)) {
            return SELF;
        }
        Optional<String> question = JokerQuestions.OWN.equals(questionChoice)
                ? Optional.ofNullable(ownQuestion).map(String::strip).filter(q -> q.length() >= 5)
                : jokerQuestions.text(questionChoice, locale());
        if (question.isEmpty()) {
            PageMessages.errorFor(JokerQuestions.OWN.equals(questionChoice) ? "joker:ownQuestion" : "joker:question",
                    "activation.joker.error.question");
            return null;
        }
        Optional<JokerAnswers.Problem> problem = JokerAnswers.problemWith(answer, login, null);
        if (problem.isPresent()) {
            PageMessages.errorFor("joker:answer", problem.get().messageKey());
            return null;
        }
        jokerQuestion = question.get();
        jokerAnswerHash = jokerAnswers.hash(answer);
        answer = null;
        step = Step.SMS;
        return SELF;
    }

    public String chooseSms() {
        if (!at(Step.SMS)) {
            return SELF;
        }
        if (Boolean.TRUE.equals(smsAlerts)) {
            Optional<String> number = MobileNumbers.normalize(mobile);
            if (number.isEmpty()) {
                PageMessages.errorFor("sms:mobile", "activation.sms.error.mobile");
                return null;
            }
            normalizedMobile = number.get();
        } else {
            normalizedMobile = null;
        }
        step = Step.CONSENTS;
        return SELF;
    }

    public String chooseConsents() {
        if (!at(Step.CONSENTS)) {
            return SELF;
        }
        step = Step.PASSWORD;
        return SELF;
    }

    /** The last step: one write, at most once, whatever the clicks. */
    public synchronized String finish() {
        if (!at(Step.PASSWORD)) {
            return SELF;
        }
        NewPasswordForm.Typed typed = newPassword.take();
        if (!newPassword.isCharterAccepted()) {
            PageMessages.errorFor("password:charter", "activation.password.error.charter");
            return null;
        }
        if (typed.password() != null && JokerAnswers.matches(typed.password(), jokerAnswerHash)) {
            PageMessages.errorFor("password:password", "activation.password.error.sameAsJoker");
            return null;
        }
        ActivationOutcome outcome = activation.activate(dn,
                new ActivationChoices(jokerQuestion, jokerAnswerHash, Boolean.TRUE.equals(smsAlerts), normalizedMobile,
                        Boolean.TRUE.equals(photoUse), Boolean.TRUE.equals(listedInDirectory)),
                typed.password(), typed.confirmation(), locale(), Requests.clientAddress());
        if (outcome instanceof Activated activated) {
            mailSent = activated.mailSent();
            jokerAnswerHash = null;
            step = Step.DONE;
            return SELF;
        }
        if (outcome instanceof PasswordRefused refused) {
            PasswordProblems.show(refused.problems(), "password:password");
            return null;
        }
        PageMessages.error(outcome instanceof AlreadyActive ? "activation.error.alreadyActive" : "activation.error.notAllowed");
        restart();
        return null;
    }

    /** Back one step, keeping what was chosen; never back to identification. */
    public String previous() {
        if (step.ordinal() > Step.JOKER.ordinal() && step != Step.DONE) {
            step = Step.values()[step.ordinal() - 1];
        }
        return SELF;
    }

    private boolean at(Step expected) {
        return step == expected && dn != null;
    }

    private void restart() {
        identificationForm = new IdentificationForm();
        step = Step.IDENTIFY;
        dn = login = uid = personalEmail = null;
        questionChoice = ownQuestion = answer = jokerQuestion = jokerAnswerHash = null;
        smsAlerts = photoUse = listedInDirectory = null;
        mobile = normalizedMobile = null;
        newPassword = new NewPasswordForm();
        mailSent = false;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** The steps, for the progress indicator. */
    public List<Step> getSteps() {
        return List.of(Step.values());
    }

    public int getStepNumber() {
        return step.ordinal() + 1;
    }

    public int getStepCount() {
        return Step.values().length;
    }

    public Step getStep() {
        return step;
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

    public String getUid() {
        return uid;
    }

    public String getPersonalEmail() {
        return personalEmail;
    }

    public List<String> getQuestionKeys() {
        return jokerQuestions.keys();
    }

    public String getQuestionChoice() {
        return questionChoice;
    }

    public void setQuestionChoice(String questionChoice) {
        this.questionChoice = questionChoice;
    }

    public String getOwnQuestion() {
        return ownQuestion;
    }

    public void setOwnQuestion(String ownQuestion) {
        this.ownQuestion = ownQuestion;
    }

    public String getAnswer() {
        return null;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public Boolean getSmsAlerts() {
        return smsAlerts;
    }

    public void setSmsAlerts(Boolean smsAlerts) {
        this.smsAlerts = smsAlerts;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public Boolean getPhotoUse() {
        return photoUse;
    }

    public void setPhotoUse(Boolean photoUse) {
        this.photoUse = photoUse;
    }

    public Boolean getListedInDirectory() {
        return listedInDirectory;
    }

    public void setListedInDirectory(Boolean listedInDirectory) {
        this.listedInDirectory = listedInDirectory;
    }







    public NewPasswordForm getNewPassword() {
        return newPassword;
    }

    public boolean isMailSent() {
        return mailSent;
    }
}
