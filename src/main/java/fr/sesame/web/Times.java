package fr.sesame.web;

import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as a person on campus reads them: in the institution's time zone and the page's language. */
public final class Times {

    /** The institution's time zone; the portal serves one campus. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Times() {}

    /** "14:35" (or "2:35 PM"): for a lock that ends later today. */
    public static String clock(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).withZone(ZONE).format(instant);
    }

    /** Date and time, e.g. "22 novembre 2026, 14:35". */
    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZONE)
                .format(instant);
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null ? Locale.FRENCH : context.getViewRoot().getLocale();
    }
}
