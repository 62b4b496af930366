package fr.sesame.signin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A person signed in with a temporary password reaches no account page before choosing their own. */
@WebFilter("/account/*")
public class PasswordChangeFirst extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignedInPerson person;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (person.isSignedIn() && person.isMustChangePassword()) {
            response.sendRedirect(request.getContextPath() + "/signin/change-password.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }
}
