package fr.sesame.token;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds the links mailed with a token, always on the portal's configured public address
 * ({@code sesame.public-base-url}). It is never given the request: a request's {@code Host} header is whatever the
 * client sent, and a link built from it would carry the token to an attacker's host.
 */
public final class TokenLinks {

    /** The query parameter that names the account: its UID, since the stored token is only a hash. */
    public static final String ACCOUNT_PARAMETER = "u";
    /** The query parameter that carries the token. */
    public static final String TOKEN_PARAMETER = "t";

    private final String publicBaseUrl;

    /** @param publicBaseUrl an absolute {@code http(s)} address, with or without a trailing slash */
    public TokenLinks(String publicBaseUrl) {
        URI base = URI.create(publicBaseUrl);
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || base.getHost() == null || base.getQuery() != null
                || base.getFragment() != null) {
            throw new IllegalArgumentException("sesame.public-base-url must be an absolute http(s) address: " + publicBaseUrl);
        }
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The address of {@code page} (a path in the portal, e.g. {@code /recovery/reset.xhtml}) for this account and token. */
    public String link(String page, String uid, String token) {
        if (!page.startsWith("/")) {
            throw new IllegalArgumentException("A page path starts with /: " + page);
        }
        return publicBaseUrl + page + "?" + ACCOUNT_PARAMETER + "=" + encode(uid) + "&" + TOKEN_PARAMETER + "=" + encode(token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
