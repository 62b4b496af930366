package fr.sesame.sms;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The SMS outbox exists only while the development gateway is the one in use: otherwise its pages answer 404. */
@WebFilter("/sms/*")
public class SmsOutboxGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SmsSender sms;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (sms.devOutbox().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
