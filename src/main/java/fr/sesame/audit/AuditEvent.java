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
    PERSONAL_EMAIL_CHANGED,
    /** A helpdesk agent set, changed or removed the person's alias (details: {@code alias}). */
    ALIAS_CHANGED,
    /** A helpdesk agent gave the person a temporary password (never in the record). */
    TEMPORARY_PASSWORD_ISSUED,
    /** A helpdesk agent lifted the self-service lock and forgot the failures. */
    ACCOUNT_UNLOCKED,
    /** A helpdesk agent removed the joker question and answer: the person must choose new ones. */
    JOKER_RESET,
    /** A helpdesk agent disabled the person's self-service. */
    SELF_SERVICE_DISABLED,
    /** A helpdesk agent enabled the person's self-service again. */
    SELF_SERVICE_ENABLED,
    /** Someone who cannot sign in left a help request on the public form (details: {@code request}, or {@code reason} when refused). */
    HELP_REQUEST_SUBMITTED,
    /** An agent closed a help request with a note (details: {@code request}). */
    HELP_REQUEST_CLOSED,
    /** A helpdesk agent sent a reset link by SMS to the mobile number on file (never the link in the record). */
    RESET_SMS_SENT;

    /** The bundle key of the event's description. */
    public String messageKey() {
        return "audit.event." + key();
    }

    /** The event's name in JSON lines and stored events, e.g. {@code password-changed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
