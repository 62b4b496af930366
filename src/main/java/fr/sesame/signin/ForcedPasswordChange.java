package fr.sesame.signin;

import fr.sesame.password.NewPasswordForm;
import fr.sesame.password.PasswordProblems;
import fr.sesame.selfcare.AccountSettings;
import fr.sesame.selfcare.SettingsOutcome;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page a person signed in with a temporary password must pass first: they choose their own password
 * (the temporary one proves it is them), and only then reach their account.
 */
@Named
@RequestScoped
public class ForcedPasswordChange {

    @Inject
    SignedInPerson person;

    @Inject
    AccountSettings settings;

    private String current;
    private final NewPasswordForm newPassword = new NewPasswordForm();

    public String submit() {
        NewPasswordForm.Typed typed = newPassword.take();
        SettingsOutcome outcome = settings.changePassword(person.dn(), current, typed.password(), typed.confirmation(),
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), Requests.clientAddress());
        current = null;
        if (outcome instanceof SettingsOutcome.Saved) {
            person.passwordChanged();
            return "/account/index?faces-redirect=true";
        }
        if (outcome instanceof SettingsOutcome.PasswordRefused refused) {
            PasswordProblems.show(refused.problems(), "password:password");
        } else if (outcome instanceof SettingsOutcome.WrongPassword) {
            PageMessages.errorFor("password:current", "signin.change.error.current");
        } else if (outcome instanceof SettingsOutcome.Locked locked) {
            PageMessages.error("signin.error.locked", Times.clock(locked.until()));
        } else if (outcome instanceof SettingsOutcome.PasswordIsJokerAnswer) {
            PageMessages.errorFor("password:password", "activation.password.error.sameAsJoker");
        } else {
            PageMessages.error("recovery.error.notAllowed");
        }
        return null;
    }

    public String getCurrent() {
        return null;
    }

    public void setCurrent(String current) {
        this.current = current;
    }





    public NewPasswordForm getNewPassword() {
        return newPassword;
    }
}
