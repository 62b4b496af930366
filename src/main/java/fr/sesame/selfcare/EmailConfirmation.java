package fr.sesame.selfcare;

import fr.sesame.signin.SignedInPerson;
import fr.sesame.web.Requests;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The page a confirmation link leads to: it shows the new address and changes it only when the signed-in
 * person presses the button (mail scanners open links; opening must not confirm anything).
 */
@Named
@ViewScoped
public class EmailConfirmation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SignedInPerson person;

    @Inject
    PersonalEmailChange emailChange;

    private String uid;
    private String token;
    private String pending;
    private String confirmed;

    /** On opening the link: finds the pending address, consuming nothing. */
    public void open() {
        pending = emailChange.pendingFor(person.dn(), uid, token).orElse(null);
    }

    public void confirm() {
        PersonalEmailChange.Outcome outcome = emailChange.confirm(person.dn(), uid, token,
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), Requests.clientAddress());
        pending = null;
        if (outcome instanceof PersonalEmailChange.Outcome.Confirmed done) {
            confirmed = done.address();
        }
    }

    public boolean isValid() {
        return pending != null;
    }

    public String getPending() {
        return pending;
    }

    public String getConfirmed() {
        return confirmed;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
