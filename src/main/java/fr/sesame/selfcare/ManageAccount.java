package fr.sesame.selfcare;

import fr.sesame.password.JokerQuestions;
import fr.sesame.password.PasswordProblems;
import fr.sesame.selfcare.SettingsOutcome.AnswerRefused;
import fr.sesame.selfcare.SettingsOutcome.Locked;
import fr.sesame.selfcare.SettingsOutcome.MobileInvalid;
import fr.sesame.selfcare.SettingsOutcome.MobileRequired;
import fr.sesame.selfcare.SettingsOutcome.PasswordIsJokerAnswer;
import fr.sesame.selfcare.SettingsOutcome.PasswordRefused;
import fr.sesame.selfcare.SettingsOutcome.QuestionRefused;
import fr.sesame.selfcare.SettingsOutcome.Saved;
import fr.sesame.selfcare.SettingsOutcome.Unchanged;
import fr.sesame.selfcare.SettingsOutcome.WrongPassword;
import fr.sesame.signin.SignedInPerson;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * "Gérer mon compte" as the signed-in person uses it: one page, one form per section, each saved on its own.
 * Works on the session's account only ({@link SignedInPerson#dn()}); the browser never names one. A saved change
 * reloads the page with its confirmation (post-redirect-get), so a reload never sends it again; a refused one
 * answers in its own form, by the field at fault if any, and the page takes the keyboard focus there.
 */
@Named
@ViewScoped
public class ManageAccount implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SELF = "/account/index?faces-redirect=true";
    private static final String SIGNIN = "/signin/index?faces-redirect=true";

    @Inject
    PersonalEmailChange emailChange;

    @Inject
    SignedInPerson person;

    @Inject
    AccountSettings settings;

    @Inject
    JokerQuestions jokerQuestions;

    private AccountOverview overview;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    private String jokerPassword;
    private String questionChoice;
    private String ownQuestion;
    private String answer;

    private Boolean smsAlerts;
    private String mobile;

    private Boolean photoUse;
    private Boolean listedInDirectory;

    private String newEmail;

    /** On the first visit of the view: reads the account and fills the forms with what it holds. */
    public String open() {
        if (!person.isSignedIn()) {
            return SIGNIN;
        }
        load();
        return null;
    }

    public String changePassword() {
        if (!person.isSignedIn()) {
            return SIGNIN;
        }
        SettingsOutcome outcome = settings.changePassword(person.dn(), currentPassword, newPassword, confirmation,
                locale(), Requests.clientAddress());
        currentPassword = newPassword = confirmation = null;
        if (outcome instanceof Saved) {
            person.passwordChanged();
        }
        return answer(outcome, "password", "account.password.saved");
    }

    public String changeJoker() {
        if (!person.isSignedIn()) {
            return SIGNIN;
        }
        String question = JokerQuestions.OWN.equals(questionChoice)
                ? ownQuestion
                : jokerQuestions.text(questionChoice, locale()).orElse(null);
        SettingsOutcome outcome = settings.changeJoker(person.dn(), jokerPassword, question, answer, locale(),
                Requests.clientAddress());
        jokerPassword = answer = null;
        if (outcome instanceof QuestionRefused) {
            PageMessages.errorFor(JokerQuestions.OWN.equals(questionChoice) ? "joker:ownQuestion" : "joker:question",
                    "account.joker.error.question");
            return null;
        }
        if (outcome instanceof AnswerRefused refused) {
            PageMessages.errorFor("joker:answer", refused.problem().messageKey());
            return null;
        }
        return answer(outcome, "joker", "account.joker.saved");
    }

    public String changeSms() {
        if (!person.isSignedIn()) {
            return SIGNIN;
        }
        SettingsOutcome outcome = settings.changeSms(person.dn(), Boolean.TRUE.equals(smsAlerts), mobile, locale(),
                Requests.clientAddress());
        if (outcome instanceof MobileRequired) {
            PageMessages.errorFor("sms:mobile", "account.sms.error.mobileRequired");
            return null;
        }
        if (outcome instanceof MobileInvalid) {
            PageMessages.errorFor("sms:mobile", "account.sms.error.mobile");
            return null;
        }
        return answer(outcome, "sms", "account.sms.saved");
    }

    public String changePrivacy() {
        if (!person.isSignedIn()) {
            return SIGNIN;
        }
        SettingsOutcome outcome = settings.changePrivacy(person.dn(), Boolean.TRUE.equals(photoUse),
                Boolean.TRUE.equals(listedInDirectory), locale(), Requests.clientAddress());
        return answer(outcome, "privacy", "account.privacy.saved");
    }

    /**
     * The outcomes every section shares: saved (page reloaded with the message), unchanged, refusals. Unchanged and
     * refused answer in the section's form (client id {@code form}), by its field when one is at fault; what concerns
     * the whole account (no longer allowed to change it here) is for the page's messages.
     */
    private String answer(SettingsOutcome outcome, String form, String savedKey) {
        if (outcome instanceof Saved saved) {
            PageMessages.info(savedKey);
            if (saved.mailSent()) {
                PageMessages.info("account.mail.sent");
            } else if (overview != null && overview.hasPersonalEmail()) {
                PageMessages.info("account.mail.notSent");
            }
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return SELF;
        }
        if (outcome instanceof Unchanged) {
            PageMessages.infoFor(form, "account.unchanged");
            return null;
        }
        if (outcome instanceof WrongPassword wrong) {
            PageMessages.errorFor(form + ":current", "account.current.error.wrong", wrong.triesLeft());
            return null;
        }
        if (outcome instanceof Locked locked) {
            PageMessages.errorFor(form, "account.current.error.locked", Times.clock(locked.until()));
            return null;
        }
        if (outcome instanceof PasswordRefused refused) {
            PasswordProblems.show(refused.problems(), "password:new");
            return null;
        }
        if (outcome instanceof PasswordIsJokerAnswer) {
            PageMessages.errorFor("password:new", "account.password.error.sameAsJoker");
            return null;
        }
        // NotAllowed: the account was closed, or its self-service disabled, since the person signed in.
        PageMessages.error("account.error.notAllowed");
        return null;
    }


    /** Sends the confirmation link to the new address; the change waits for it. */
    public String changeEmail() {
        if (!person.isSignedIn()) {
            return SIGNIN;
        }
        PersonalEmailChange.Outcome outcome = emailChange.request(person.dn(), newEmail, locale(), Requests.clientAddress());
        if (outcome instanceof PersonalEmailChange.Outcome.LinkSent sent) {
            PageMessages.info(sent.mailSent() ? "account.email.linkSent" : "account.email.linkNotSent", newEmail);
            newEmail = null;
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return SELF;
        }
        if (outcome instanceof PersonalEmailChange.Outcome.NotAnEmail) {
            PageMessages.errorFor("email:address", "account.email.error.notAnEmail");
        } else if (outcome instanceof PersonalEmailChange.Outcome.SameAsCurrent) {
            PageMessages.errorFor("email:address", "account.email.error.same");
        } else {
            PageMessages.error("account.error.notAllowed");
        }
        return null;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    private void load() {
        overview = settings.overview(person.dn());
        smsAlerts = overview.smsAlerts();
        mobile = overview.mobile();
        photoUse = overview.photoUse();
        listedInDirectory = overview.listedInDirectory();
        String question = overview.jokerQuestion();
        questionChoice = jokerQuestions.keys().stream()
                .filter(key -> jokerQuestions.text(key, locale()).orElse("").equals(question))
                .findFirst()
                .orElse(question == null ? null : JokerQuestions.OWN);
        ownQuestion = JokerQuestions.OWN.equals(questionChoice) ? question : null;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** Date and time in the page's language and the institution's time zone; empty for none. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : Times.dateTime(instant, locale());
    }

    public AccountOverview getOverview() {
        return overview;
    }

    public List<String> getQuestionKeys() {
        return jokerQuestions.keys();
    }

    public String getCurrentPassword() {
        return null;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return null;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public String getJokerPassword() {
        return null;
    }

    public void setJokerPassword(String jokerPassword) {
        this.jokerPassword = jokerPassword;
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
}
