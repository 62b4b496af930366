package fr.sesame.mail;

import java.util.Locale;

/** How the connection to the SMTP server is protected. */
public enum MailSecurity {
    NONE,
    /** STARTTLS required after connecting (submission, port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS;

    public static MailSecurity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesame.mail.security must be none, starttls or tls, not " + value, e);
        }
    }
}
