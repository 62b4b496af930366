package fr.sesame.sms;

/**
 * The SMS gateway refused a message, could not be reached or did not answer in time. The message names the gateway's
 * host and what went wrong, never the text nor the credentials; the cause is left out for the same reason.
 */
public class SmsNotSentException extends Exception {

    private static final long serialVersionUID = 1L;

    public SmsNotSentException(String message) {
        super(message);
    }
}
