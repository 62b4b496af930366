package fr.sesame.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.Application;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language a person reads the portal in, kept for their whole visit. Exists because the portal is
 * French first whatever the browser asks for (universities' own wording), and English only on request:
 * the layout's FR | EN links add {@value #PARAMETER} to the address, and the next page is the same page
 * in the chosen language.
 */
@Named
@SessionScoped
public class LanguageSwitch implements Serializable {

    /** The query parameter the FR | EN links carry. */
    public static final String PARAMETER = "lang";

    private static final long serialVersionUID = 1L;

    private Locale locale;

    /** The current language; the application's default locale (French) until the person chooses. */
    public Locale getLocale() {
        if (locale == null) {
            locale = defaultLocale(FacesContext.getCurrentInstance().getApplication());
        }
        return locale;
    }

    /** The current language code, for {@code <html lang>}. */
    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public boolean isCurrent(String language) {
        return getLanguage().equals(language);
    }

    /**
     * Uses the given language from now on, for this page and the next ones. Unsupported languages are
     * ignored, so a hand-made address cannot put the portal in a language it has no texts for.
     */
    public void switchTo(String language) {
        FacesContext context = FacesContext.getCurrentInstance();
        supportedLocale(context.getApplication(), language).ifPresent(chosen -> {
            locale = chosen;
            context.getViewRoot().setLocale(chosen);
        });
    }

    /**
     * Applies the language a FR | EN link asked for, then redirects to the same page without the
     * parameter so that reloading or sharing the address does not switch again. An error page has no
     * address of its own to redirect to: it is rendered again, in the new language.
     */
    public void applyRequestedLanguage() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isPostback()) {
            return;
        }
        ExternalContext external = context.getExternalContext();
        String requested = external.getRequestParameterMap().get(PARAMETER);
        if (requested == null) {
            return;
        }
        switchTo(requested);
        if (!isErrorPage(external)) {
            String query = queryWithoutLanguage(external);
            String page = external.getRequestContextPath() + context.getViewRoot().getViewId();
            external.redirect(query.isEmpty() ? page : page + "?" + query);
        }
    }

    /**
     * The address of the current page in the given language: a query-only reference, so it stays on the
     * address the browser shows, error pages included, and keeps the page's other parameters.
     */
    public String linkTo(String language) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String query = isErrorPage(external) ? "" : queryWithoutLanguage(external);
        String languageParameter = PARAMETER + "=" + language;
        return "?" + (query.isEmpty() ? languageParameter : query + "&" + languageParameter);
    }

    private static boolean isErrorPage(ExternalContext external) {
        return external.getRequestMap().containsKey(RequestDispatcher.ERROR_STATUS_CODE);
    }

    /** The raw query string of the address, minus the language parameter; never the posted form fields. */
    private static String queryWithoutLanguage(ExternalContext external) {
        Object request = external.getRequest();
        String query = request instanceof HttpServletRequest http ? http.getQueryString() : null;
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals(PARAMETER) && !pair.startsWith(PARAMETER + "="))
                .collect(Collectors.joining("&"));
    }

    private static Locale defaultLocale(Application application) {
        Locale configured = application.getDefaultLocale();
        return configured != null ? configured : Locale.FRENCH;
    }

    private static Optional<Locale> supportedLocale(Application application, String language) {
        Locale fallback = defaultLocale(application);
        if (fallback.getLanguage().equals(language)) {
            return Optional.of(fallback);
        }
        for (Iterator<Locale> supported = application.getSupportedLocales(); supported.hasNext(); ) {
            Locale candidate = supported.next();
            if (candidate.getLanguage().equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
