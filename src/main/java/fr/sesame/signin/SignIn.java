package fr.sesame.signin;

import fr.sesame.config.SesameConfig;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Backs the sign-in page ("Se connecter") and the sign-out link ("Se déconnecter"). */
@Named
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext securityContext;

    @Inject
    SignedInPerson person;

    @Inject
    SesameConfig config;

    private String login;
    private String password;
    private String next;

    public String submit() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String typed = password;
        password = null;
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(login == null ? "" : login.strip(), new Password(typed)))
                        .newAuthentication(true));
        Object result = request.getAttribute(DirectoryIdentityStore.RESULT);
        if (status != AuthenticationStatus.SUCCESS || !(result instanceof SigninResult.SignedIn signedIn)) {
            explain(result);
            return null;
        }
        person.signedIn(signedIn.dn(), signedIn.login(), signedIn.mustChangePassword());
        request.getSession().setMaxInactiveInterval((int) config.sessionIdleTimeout().toSeconds());
        if (signedIn.mustChangePassword()) {
            return "/signin/change-password?faces-redirect=true";
        }
        if (isLocalPage(next)) {
            external.redirect(external.getRequestContextPath() + next);
            return null;
        }
        return "/account/index?faces-redirect=true";
    }

    /** Ends the session: the person is signed out everywhere in Sésame. */
    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/index?faces-redirect=true&signedOut=true";
    }

    private static void explain(Object result) {
        if (result instanceof SigninResult.Locked locked) {
            PageMessages.error("signin.error.locked", Times.clock(locked.until()));
        } else if (result instanceof SigninResult.Throttled throttled) {
            PageMessages.error("signin.error.throttled", Times.clock(throttled.retryAt()));
        } else {
            PageMessages.error("signin.error.refused");
        }
    }

    /** Only a page of this portal: never another site (no open redirect). */
    static boolean isLocalPage(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && !path.contains(":") && !path.contains("\r") && !path.contains("\n");
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
