package fr.sesame.sms;

import fr.sesame.mail.MailComposer;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The texts the portal sends by SMS, in French or English, from the bundle of the mails ({@code sms.*} keys). They
 * are written short and in the GSM alphabet (no typographic apostrophe), so that a message with a link fits in one
 * SMS of 160 characters.
 */
public final class SmsTexts {

    private SmsTexts() {}

    /** "Sésame, nouveau mot de passe (valable 12 h) : https://…". */
    public static String resetLink(Locale locale, String link, Duration lifetime) {
        ResourceBundle bundle = bundle(locale);
        return format(bundle, "sms.reset-link", locale, link, duration(bundle, locale, lifetime));
    }

    /**
     * The language to text a person in, from their {@code preferredLanguage} (RFC 2798: {@code en}, {@code en-GB},
     * {@code en, fr;q=0.8}): English when its first choice is English, French otherwise.
     */
    public static Locale languageOf(Optional<String> preferredLanguage) {
        String first = preferredLanguage.orElse("").split(",", 2)[0].split(";", 2)[0].trim();
        String language = first.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return language.equals("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    private static String duration(ResourceBundle bundle, Locale locale, Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes % (24 * 60) == 0) {
            return format(bundle, "sms.duration.days", locale, minutes / (24 * 60));
        }
        if (minutes % 60 == 0) {
            return format(bundle, "sms.duration.hours", locale, minutes / 60);
        }
        return format(bundle, "sms.duration.minutes", locale, minutes);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(MailComposer.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object... parameters) {
        return new MessageFormat(bundle.getString(key), locale).format(parameters);
    }
}
