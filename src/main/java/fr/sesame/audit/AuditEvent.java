package fr.sesame.audit;

import java.util.Locale;

/**
 * Everything the audit trail records. Each event has a message in the bundles ({@code audit.event.<key>}),
 * shown to the person on their account page and to helpdesk agents.
 */
public enum AuditEvent {
    IDENTIFICATION_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_ACTIVATED,
    ACTIVATION_REFUSED,
    JOKER_ANSWER_FAILED,
    PASSWORD_CHANGED,
    LOGIN_REMINDED,
    /** The person chose a new joker question and answer on their account page. */
    JOKER_CHANGED,
    /** The person changed their SMS alerts consent or mobile number (details: {@code sms}, {@code mobile}). */
    SMS_PREFERENCES_CHANGED,
    /** The person changed the use of their photo or their directory visibility (details: {@code photo}, {@code directory}). */
    PRIVACY_PREFERENCES_CHANGED,
    SIGNIN,
    /** A reset link was mailed to the personal address (details: {@code requested-by} login or email). */
    RESET_LINK_SENT,
    /** A link to confirm a new personal address was mailed to it. */
    EMAIL_CHANGE_REQUESTED,
    /** The new personal address was confirmed and replaced the old one. */
    PERSONAL_EMAIL_CHANGED;

    /** The bundle key of the event's description. */
    public String messageKey() {
        return "audit.event." + key();
    }

    /** The event's name in JSON lines and stored events, e.g. {@code password-changed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
