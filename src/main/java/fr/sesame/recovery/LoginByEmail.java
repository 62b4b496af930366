package fr.sesame.recovery;

import fr.sesame.recovery.RecoveryMailService.Outcome;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "Vous avez perdu votre identifiant ?" (seed 003): the person types their personal address, and every account that
 * has it is mailed its login. The page answers the same whatever the address matched.
 */
@Named
@ViewScoped
public class LoginByEmail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RecoveryMailService requests;

    private String email;
    private boolean answered;

    public void send() {
        Outcome outcome = requests.requestLogins(email, FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                Requests.clientAddress());
        if (outcome instanceof Outcome.NotAnEmail) {
            markInvalid("request:email");
            PageMessages.errorFor("request:email", "recovery.mail.error.notAnEmail");
            return;
        }
        if (outcome instanceof Outcome.ClientBlocked blocked) {
            PageMessages.error("recovery.mail.error.clientBlocked", Times.clock(blocked.until()));
            return;
        }
        // For security, the same answer whether an account matched or not.
        email = null;
        answered = true;
    }

    /** So that the field says it is invalid (aria-invalid, error style) along with its message. */
    private static void markInvalid(String clientId) {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) instanceof UIInput input) {
            input.setValid(false);
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isAnswered() {
        return answered;
    }
}
