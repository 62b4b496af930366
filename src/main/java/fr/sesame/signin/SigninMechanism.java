package fr.sesame.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * How Sésame signs people in: the sign-in page hands the login and password to Jakarta Security, which
 * validates them with the {@link DirectoryIdentityStore}; a success gives the session a new id and is
 * remembered for the session. A protected page asked without sign-in leads to the sign-in page, which
 * then comes back to it.
 *
 * <p>The caller and their groups are remembered in a session attribute and given back to the container at every
 * request, rather than left to the container's own memory of the session ({@code @AutoApplySession}): that one
 * stays on the node where the person signed in, whereas the session attribute travels with the session to every
 * node of a cluster.
 */
@ApplicationScoped
public class SigninMechanism implements HttpAuthenticationMechanism {

    /** The sign-in page, relative to the application. */
    public static final String SIGNIN_PAGE = "/signin/index.xhtml";

    /** The session attribute that remembers who signed in. */
    static final String CALLER = SigninMechanism.class.getName() + ".caller";

    /** Who signed in, with their groups (the roles they map to), as the session keeps it. */
    record Caller(String name, Set<String> groups) implements Serializable {

        Caller {
            groups = Set.copyOf(groups);
        }
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.getSession().setAttribute(CALLER,
                    new Caller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof Caller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected() && request.getUserPrincipal() == null) {
            return redirectToSignin(request, response, context);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus redirectToSignin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String asked = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            response.sendRedirect(request.getContextPath() + SIGNIN_PAGE + "?next="
                    + URLEncoder.encode(asked, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
