package fr.sesame.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The few facts about the current HTTP request the flows need. */
public final class Requests {

    private Requests() {}

    /**
     * The client's address as the servlet container sees it. Behind a reverse proxy, configure Payara to
     * take it from the proxy's header; the portal never trusts {@code X-Forwarded-For} by itself.
     */
    public static String clientAddress() {
        return request().getRemoteAddr();
    }

    /** Gives the session a new id (after identification or sign-in), keeping its content: no session fixation. */
    public static void renewSessionId() {
        request().getSession(true);
        request().changeSessionId();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
