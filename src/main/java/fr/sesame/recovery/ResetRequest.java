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
 * "Vous avez perdu votre mot de passe ?" (seed 003): the person types their login or personal address and is told,
 * whatever it matched, that a link was mailed if an account matches.
 */
@Named
@ViewScoped
public class ResetRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RecoveryMailService requests;

    private String identifier;
    private boolean answered;

    public void send() {
        Outcome outcome = requests.requestResetLink(identifier, FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                Requests.clientAddress());
        if (outcome instanceof Outcome.NotAnEmail) {
            markInvalid("request:identifier");
            PageMessages.errorFor("request:identifier", "recovery.mail.error.notAnEmail");
            return;
        }
        if (outcome instanceof Outcome.ClientBlocked blocked) {
            PageMessages.error("recovery.mail.error.clientBlocked", Times.clock(blocked.until()));
            return;
        }
        // For security, the same answer whether an account matched or not.
        identifier = null;
        answered = true;
    }

    /** How long the mailed link works, in words. */
    /** So that the field says it is invalid (aria-invalid, error style) along with its message. */
    private static void markInvalid(String clientId) {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) instanceof UIInput input) {
            input.setValid(false);
        }
    }

    public String getLinkLifetime() {
        return DurationWords.of(requests.linkLifetime());
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public boolean isAnswered() {
        return answered;
    }
}
