package fr.sesame.recovery;

import fr.sesame.config.SesameConfig;
import fr.sesame.password.NewPasswordForm;
import fr.sesame.password.PasswordProblems;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The page a mailed reset link opens (seed 004): the login it is for and the new password, or, for a link that
 * expired, was used or was mangled, why it does not work and how to get another. The account and token are taken
 * from the link once, when the page opens; nothing posted later can change them.
 */
@Named
@ViewScoped
public class ResetByLink implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the page is at. */
    public enum State {
        INVALID,
        CHOOSING,
        DONE
    }

    @Inject
    ResetByLinkService links;

    @Inject
    SesameConfig config;

    private String u;
    private String t;
    private String uid;
    private String token;
    private State state;
    private String login;
    private final NewPasswordForm newPassword = new NewPasswordForm();
    private boolean mailSent;

    /** On opening the link (not on the form's posts): reads it, consumes nothing. */
    public void open() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        // The address holds a secret: no Referer to other sites, no copy in caches.
        external.setResponseHeader("Referrer-Policy", "no-referrer");
        external.setResponseHeader("Cache-Control", "no-store");
        if (state != null) {
            return;
        }
        uid = u;
        token = t;
        login = links.loginFor(uid, token).orElse(null);
        state = login == null ? State.INVALID : State.CHOOSING;
    }

    /** Writes at most once, whatever the clicks. */
    public synchronized String finish() {
        if (state != State.CHOOSING) {
            return null;
        }
        NewPasswordForm.Typed typed = newPassword.take();
        if (!newPassword.isCharterAccepted()) {
            PageMessages.errorFor("password:charter", "activation.password.error.charter");
            return null;
        }
        RecoveryOutcome outcome = links.reset(uid, token, typed.password(), typed.confirmation(),
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), Requests.clientAddress());
        if (outcome instanceof RecoveryOutcome.PasswordChanged changed) {
            mailSent = changed.mailSent();
            state = State.DONE;
            uid = token = null;
            return null;
        }
        if (outcome instanceof RecoveryOutcome.PasswordRefused refused) {
            PasswordProblems.show(refused.problems(), "password:password");
            return null;
        }
        if (outcome instanceof RecoveryOutcome.NotAllowed) {
            PageMessages.error("recovery.error.notAllowed");
        }
        state = State.INVALID;
        uid = token = null;
        return null;
    }

    /** How long the new password takes to reach every service, in words, when the institution says so; else null. */
    public String getPropagationNotice() {
        return config.resetLinkPropagationNotice().map(DurationWords::of).orElse(null);
    }

    public String getU() {
        return u;
    }

    public void setU(String u) {
        this.u = u;
    }

    public String getT() {
        return null;
    }

    public void setT(String t) {
        this.t = t;
    }

    public State getState() {
        return state;
    }

    public String getLogin() {
        return login;
    }







    public boolean isMailSent() {
        return mailSent;
    }

    public NewPasswordForm getNewPassword() {
        return newPassword;
    }
}
