package fr.sesame.sms;

import java.util.Locale;

/** Which gateway {@code sesame.sms.gateway} chooses. */
public enum SmsGatewayKind {
    /** No SMS: the console does not offer to send one. */
    NONE,
    /** The development gateway: messages are kept in memory and shown at {@code /sms/outbox.xhtml}. */
    DEV,
    /** The generic HTTP gateway ({@code sesame.sms.http.*}). */
    HTTP;

    public static SmsGatewayKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesame.sms.gateway must be none, dev or http, not " + value, e);
        }
    }
}
