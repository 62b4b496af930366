package fr.sesame.sms;

import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway reached by one HTTP request per message, as most SMS providers are: the request is built from templates
 * ({@link HttpSmsSettings}) where {@code {to}} and {@code {text}} are replaced, each encoded for where it stands (a
 * URL's query, a form body, a JSON string). Any 2xx answer means the provider took the message; anything else, a
 * redirect included, or no answer within the timeout, is a failure. Nothing here is logged: the text carries a reset
 * link, the address or headers may carry credentials.
 */
public final class HttpSmsGateway implements SmsGateway {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Replaced by the recipient, in international form ({@code +33612345678}). */
    public static final String TO = "{to}";
    /** Replaced by the message. */
    public static final String TEXT = "{text}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(to|text)\\}");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpSmsSettings settings;
    private final boolean post;
    private final UnaryOperator<String> bodyEncoding;
    private final String authorizationHeader;
    private final String authorization;
    private final String host;
    private final HttpClient client;

    /** @throws IllegalArgumentException if the settings cannot make a request (the message names the setting) */
    public HttpSmsGateway(HttpSmsSettings settings) {
        this.settings = settings;
        this.host = HttpSmsSettings.hostOf(settings.url());
        String method = settings.method().trim().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("sesame.sms.http.method must be GET or POST, not " + settings.method());
        }
        post = method.equals("POST");
        // The address may hold a key: the messages below never quote it.
        URI sample;
        try {
            sample = URI.create(fill(settings.url(), HttpSmsGateway::forUrl, "+33600000000", "text"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesame.sms.http.url is not a valid address");
        }
        if (!("https".equalsIgnoreCase(sample.getScheme()) || "http".equalsIgnoreCase(sample.getScheme()))
                || sample.getHost() == null) {
            throw new IllegalArgumentException("sesame.sms.http.url must be an absolute http(s) address");
        }
        if (!post && !settings.body().isEmpty()) {
            throw new IllegalArgumentException("sesame.sms.http.body is sent only with sesame.sms.http.method=POST");
        }
        bodyEncoding = settings.body().isEmpty() ? null : encodingFor(settings.contentType());
        String templates = settings.url() + settings.body();
        if (!templates.contains(TO) || !templates.contains(TEXT)) {
            throw new IllegalArgumentException("sesame.sms.http.url or sesame.sms.http.body must hold both " + TO
                    + " and " + TEXT);
        }
        if (settings.username().isPresent() && !settings.headerValue().isEmpty()
                && settings.headerName().equalsIgnoreCase("Authorization")) {
            throw new IllegalArgumentException("Choose basic authentication (sesame.sms.http.username) or an"
                    + " Authorization header (sesame.sms.http.header-value), not both");
        }
        if (settings.username().isPresent()) {
            authorizationHeader = "Authorization";
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username().get() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        } else if (!settings.headerValue().isEmpty()) {
            authorizationHeader = settings.headerName();
            authorization = settings.headerValue();
        } else {
            authorizationHeader = null;
            authorization = null;
        }
        if (authorizationHeader != null) {
            try {
                HttpRequest.newBuilder().header(authorizationHeader, authorization);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sesame.sms.http.header-name cannot be sent: "
                        + authorizationHeader);
            }
        }
        if (settings.timeout().isZero() || settings.timeout().isNegative()) {
            throw new IllegalArgumentException("sesame.sms.http.timeout must be a positive duration");
        }
        client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // One short request: HTTP/1.1 spares a plain-http provider the h2c upgrade dance.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void send(String number, String text) throws SmsNotSentException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fill(settings.url(), HttpSmsGateway::forUrl,
                number, text))).timeout(settings.timeout());
        if (post) {
            String body = bodyEncoding == null ? "" : fill(settings.body(), bodyEncoding, number, text);
            request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (bodyEncoding != null) {
                request.header("Content-Type", settings.contentType());
            }
        } else {
            request.GET();
        }
        if (authorizationHeader != null) {
            request.header(authorizationHeader, authorization);
        }
        CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.discarding());
        int status;
        try {
            // One deadline for everything, the answer's body included, which the request's own timeout does not cover.
            status = answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut();
            }
            throw new SmsNotSentException("The SMS gateway " + host + " could not be reached ("
                    + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new SmsNotSentException("Interrupted while sending through the SMS gateway " + host);
        }
        if (status < 200 || status > 299) {
            throw new SmsNotSentException("The SMS gateway " + host + " answered HTTP " + status);
        }
    }

    private SmsNotSentException timedOut() {
        return new SmsNotSentException("The SMS gateway " + host + " did not answer within " + settings.timeout());
    }

    private static UnaryOperator<String> encodingFor(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(FORM)) {
            return value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        if (type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))) {
            return HttpSmsGateway::forJson;
        }
        throw new IllegalArgumentException("sesame.sms.http.content-type must be " + FORM
                + " or application/json with a body template, not " + contentType);
    }

    /** Each placeholder replaced in one pass, so that a value holding a placeholder is not replaced again. */
    private static String fill(String template, UnaryOperator<String> encoding, String number, String text) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1).equals("to") ? number : text;
            matcher.appendReplacement(out, Matcher.quoteReplacement(encoding.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Percent-encoded for a query: a space is {@code %20} there, a {@code +} would be read as a space. */
    static String forUrl(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The inside of a JSON string (the template writes the quotes): {@code "}, {@code \} and controls escaped. */
    static String forJson(String value) {
        String quoted = JSON.createValue(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    @Override
    public String toString() {
        return "HttpSmsGateway[" + settings + "]";
    }
}
