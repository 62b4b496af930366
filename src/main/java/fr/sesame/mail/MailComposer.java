package fr.sesame.mail;

import fr.sesame.config.SesameConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a {@link MailTemplate} in the person's language: text and HTML bodies from the mail bundles,
 * with the parameters escaped in the HTML body, and the common signature (who to contact) appended.
 */
@ApplicationScoped
public class MailComposer {

    public static final String BUNDLE = "fr.sesame.i18n.mails";

    private String supportContact;

    /** For CDI's proxy only. */
    protected MailComposer() {}

    @Inject
    public MailComposer(SesameConfig config) {
        this(config.supportContact());
    }

    public MailComposer(String supportContact) {
        this.supportContact = supportContact;
    }

    public OutgoingMail compose(MailTemplate template, String to, Locale locale, Object... parameters) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = template.key();
        Object[] escaped = Arrays.stream(parameters).map(p -> escapeHtml(String.valueOf(p))).toArray();
        String text = format(bundle, key + ".text", locale, parameters)
                + "\n\n-- \n" + format(bundle, "signature.text", locale, supportContact);
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<title>" + escapeHtml(format(bundle, key + ".subject", locale, parameters)) + "</title></head>"
                + "<body style=\"font-family:sans-serif;color:#1a1a1a;line-height:1.5\">"
                + format(bundle, key + ".html", locale, escaped)
                + "<hr><p style=\"color:#444\">" + format(bundle, "signature.html", locale, escapeHtml(supportContact))
                + "</p></body></html>";
        return new OutgoingMail(to, format(bundle, key + ".subject", locale, parameters), text, html, locale);
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object... parameters) {
        return new MessageFormat(bundle.getString(key), locale).format(parameters);
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
