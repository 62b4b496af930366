package fr.sesame.mail;

import java.util.Locale;

/**
 * One mail to one person, already written in their language: plain text and HTML bodies of the same
 * content. Addresses and subject are checked so that no input can add a header.
 */
public record OutgoingMail(String to, String subject, String text, String html, Locale locale) {

    public OutgoingMail {
        if (to == null || to.isBlank() || containsLineBreak(to)) {
            throw new IllegalArgumentException("A mail needs one recipient address on one line");
        }
        if (subject == null || containsLineBreak(subject)) {
            throw new IllegalArgumentException("A mail subject is one line");
        }
    }

    private static boolean containsLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
