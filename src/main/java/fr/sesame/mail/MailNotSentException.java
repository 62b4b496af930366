package fr.sesame.mail;

/**
 * The SMTP server refused or could not be reached. A flow that catches it keeps its change (the
 * directory is the record) and tells the person the mail could not be sent.
 */
public class MailNotSentException extends Exception {

    private static final long serialVersionUID = 1L;

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
