package fr.sesame.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the generic HTTP gateway reaches the university's SMS provider ({@code sesame.sms.http.*}). The templates hold
 * the placeholders {@code {to}} and {@code {text}}; {@link HttpSmsGateway} checks the whole when it is built.
 *
 * @param url the address, placeholders allowed in its query (encoded for a URL)
 * @param method {@code GET} or {@code POST}
 * @param body the body template of a POST, empty for none (encoded as the content type says)
 * @param contentType {@code application/x-www-form-urlencoded} or {@code application/json} (or another {@code +json})
 * @param username the user of HTTP basic authentication, when the provider wants it
 * @param password its password
 * @param headerName the header that carries {@code headerValue} (e.g. {@code Authorization})
 * @param headerValue a token sent as is in {@code headerName} (e.g. {@code Bearer …}), empty for none
 * @param timeout the longest a message may take to be accepted, connection included
 */
public record HttpSmsSettings(
        String url,
        String method,
        String body,
        String contentType,
        Optional<String> username,
        String password,
        String headerName,
        String headerValue,
        Duration timeout) {

    /** Without the secrets: the address's query (which may hold a key), the password, the header's value. */
    @Override
    public String toString() {
        return "HttpSmsSettings[" + method + " " + hostOf(url) + ", contentType=" + contentType + ", basic="
                + username.isPresent() + ", header=" + (headerValue.isEmpty() ? "none" : headerName) + ", timeout="
                + timeout + "]";
    }

    /** The scheme and host of the address, all a log may say of it. */
    static String hostOf(String url) {
        try {
            URI uri = URI.create(url.replace("{to}", "to").replace("{text}", "text"));
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(an invalid address)";
        }
    }
}
