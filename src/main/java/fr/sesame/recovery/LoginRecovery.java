package fr.sesame.recovery;

import fr.sesame.identification.Identification;
import fr.sesame.identification.IdentificationForm;
import fr.sesame.identification.IdentificationMessages;
import fr.sesame.identification.IdentificationResult;
import fr.sesame.web.Requests;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The forgotten-login page: identification, then the login shown and mailed to the personal address. */
@Named
@ViewScoped
public class LoginRecovery implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Identification identification;

    @Inject
    LoginRecoveryService reminders;

    private final IdentificationForm identificationForm = new IdentificationForm();
    private String login;
    private String mailedTo;
    private boolean mailSent;

    public void identify() {
        IdentificationResult result = identification.identify(identificationForm.getKind(),
                identificationForm.getIdentifier(), identificationForm.getBirthDate(), Requests.clientAddress());
        if (!(result instanceof IdentificationResult.Identified identified)) {
            IdentificationMessages.show(result, "identify");
            return;
        }
        login = identified.account().login();
        mailedTo = identified.account().personalEmail().map(LoginRecovery::mask).orElse(null);
        mailSent = reminders.remind(identified.account(), FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                Requests.clientAddress());
        identificationForm.clearTyped();
    }

    /** "b***t@perso.example.org": enough for the person to recognise their address, not to learn someone's. */
    static String mask(String email) {
        int at = email.indexOf('@');
        if (at <= 1) {
            return "***" + email.substring(Math.max(at, 0));
        }
        return email.charAt(0) + "***" + email.charAt(at - 1) + email.substring(at);
    }

    public IdentificationForm getIdentificationForm() {
        return identificationForm;
    }

    public String getLogin() {
        return login;
    }

    public String getMailedTo() {
        return mailedTo;
    }

    public boolean isMailSent() {
        return mailSent;
    }
}
