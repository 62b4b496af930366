package fr.sesame.mail;

import fr.sesame.config.SesameConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The demo mailbox exists only in embedded mode: anywhere else its pages answer 404. */
@WebFilter("/mail/*")
public class DemoMailboxGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SesameConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!config.embedded()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
