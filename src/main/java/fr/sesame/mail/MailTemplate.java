package fr.sesame.mail;

import java.util.Locale;

/**
 * The mails Sésame sends. Each has a subject, a plain-text and an HTML body in the mail bundles
 * ({@code fr/sesame/i18n/mails*.properties}, keys {@code <key>.subject|text|html}), with numbered
 * parameters documented here.
 */
public enum MailTemplate {
    /** {0} name, {1} login, {2} uid, {3} portal address. */
    ACCOUNT_ACTIVATED,
    /** {0} name, {1} login, {2} date and time of the change, {3} portal address. */
    PASSWORD_CHANGED,
    /** {0} name, {1} login, {2} portal address. */
    LOGIN_REMINDER,
    /** {0} name, {1} the code, {2} minutes it stays valid. */
    RECOVERY_CODE,
    /** {0} name, {1} login, {2} what changed (a phrase), {3} date and time of the change, {4} portal address. */
    ACCOUNT_CHANGED,
    /** {0} name, {1} login, {2} the reset link, {3} date and time it stops working. */
    RESET_LINK,
    /** {0} name, {1} login, {2} the confirmation link, {3} when it expires. */
    EMAIL_CONFIRMATION,
    /** {0} the request's reference. Sent to the contact address typed on the public help form. */
    HELP_REQUEST_RECEIVED,
    /** {0} the request's reference, {1} the agent's note (what was done), {2} portal address. */
    HELP_REQUEST_CLOSED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
