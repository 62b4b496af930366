package fr.sesame.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Iterator;
import java.util.ResourceBundle;

/**
 * Puts translated messages on the page (announced by the layout's alert region). Backing beans speak in
 * bundle keys; the person reads the text in their language.
 */
public final class PageMessages {

    private PageMessages() {}

    /** A message for the whole page. */
    public static void error(String key, Object... parameters) {
        add(null, FacesMessage.SEVERITY_ERROR, key, parameters);
    }

    public static void info(String key, Object... parameters) {
        add(null, FacesMessage.SEVERITY_INFO, key, parameters);
    }

    /**
     * A message tied to one field, or to one form when no field is at fault (its client id), shown next to it and in
     * the page's summary.
     */
    public static void errorFor(String clientId, String key, Object... parameters) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, parameters);
    }

    public static void infoFor(String clientId, String key, Object... parameters) {
        add(clientId, FacesMessage.SEVERITY_INFO, key, parameters);
    }

    /**
     * The client id of the first field or form a message of this response is tied to, or {@code null} when every
     * message is for the whole page: where a page puts the keyboard focus after a refused form.
     */
    public static String firstTarget() {
        Iterator<String> clientIds = FacesContext.getCurrentInstance().getClientIdsWithMessages();
        while (clientIds.hasNext()) {
            String clientId = clientIds.next();
            if (clientId != null) {
                return clientId;
            }
        }
        return null;
    }

    /** The text of a bundle key in the current language. */
    public static String text(String key, Object... parameters) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return parameters.length == 0 ? pattern : new MessageFormat(pattern, context.getViewRoot().getLocale()).format(parameters);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... parameters) {
        String text = text(key, parameters);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
