package fr.sesame.signin;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Who is signed in, for the session: the account's DN, fixed at sign-in. Every page of "Gérer mon compte"
 * works on this account and no other, whatever the browser sends.
 */
@Named
@SessionScoped
public class SignedInPerson implements Serializable {

    private static final long serialVersionUID = 1L;

    private String dn;
    private String login;
    private boolean mustChangePassword;

    /** Records the account that just signed in. */
    public void signedIn(String accountDn, String accountLogin, boolean passwordChangeRequired) {
        this.dn = accountDn;
        this.login = accountLogin;
        this.mustChangePassword = passwordChangeRequired;
    }

    /** The person chose their own password: the forced change is over. */
    public void passwordChanged() {
        mustChangePassword = false;
    }

    public boolean isSignedIn() {
        return dn != null;
    }

    /** The signed-in account's DN; only meaningful when {@link #isSignedIn()}. */
    public String dn() {
        return dn;
    }

    public String getLogin() {
        return login;
    }

    /** Whether the person must choose a new password before anything else (temporary password). */
    public boolean isMustChangePassword() {
        return mustChangePassword;
    }
}
