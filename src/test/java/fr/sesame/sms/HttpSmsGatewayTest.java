package fr.sesame.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.LocalSmsProvider;
import fr.sesame.support.LocalSmsProvider.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic HTTP gateway, talking to a real HTTP server on a free loopback port as it would to a provider. */
class HttpSmsGatewayTest {

    private static final String NUMBER = "+33639980123";
    /** Everything an encoding can get wrong: spaces, accents, the separators of forms, queries and JSON. */
    private static final String TEXT = "Sésame, lien : https://sesame.example/r?u=1&t=a+b/c=d \"cité\" \\ 100%\nfin";

    private final LocalSmsProvider provider = new LocalSmsProvider();

    @AfterEach
    void stop() {
        provider.close();
    }

    private static HttpSmsSettings settings(String url, String method, String body, String contentType,
            Optional<String> username, String password, String headerValue, Duration timeout) {
        return new HttpSmsSettings(url, method, body, contentType, username, password, "Authorization", headerValue,
                timeout);
    }

    private HttpSmsSettings form() {
        return settings(provider.url("/send"), "POST", "to={to}&message={text}&sender=Sesame",
                "application/x-www-form-urlencoded", Optional.of("univ"), "s3cr3t:pass", "", Duration.ofSeconds(5));
    }

    private static Map<String, String> decodeForm(String encoded) {
        return Arrays.stream(encoded.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    @Test
    void postsAFormWithEachValueEncodedAndBasicAuthentication() throws Exception {
        new HttpSmsGateway(form()).send(NUMBER, TEXT);

        Received request = provider.next();
        assertEquals("POST", request.method());
        assertEquals("/send", request.path());
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("univ:s3cr3t:pass".getBytes(StandardCharsets.UTF_8)),
                request.header("Authorization"));
        assertTrue(request.body().startsWith("to=%2B33639980123&message="), request.body());
        assertEquals(Map.of("to", NUMBER, "message", TEXT, "sender", "Sesame"), decodeForm(request.body()));
    }

    @Test
    void postsJsonWithTheTextEscapedAndABearerToken() throws Exception {
        new HttpSmsGateway(settings(provider.url("/v1/sms"), "post", "{\"recipients\":[\"{to}\"],\"message\":\"{text}\"}",
                "application/json; charset=UTF-8", Optional.empty(), "", "Bearer abc.def", Duration.ofSeconds(5)))
                .send(NUMBER, TEXT);

        Received request = provider.next();
        assertEquals("POST", request.method());
        assertEquals("application/json; charset=UTF-8", request.header("Content-Type"));
        assertEquals("Bearer abc.def", request.header("Authorization"));
        JsonObject json = Json.createReader(new StringReader(request.body())).readObject();
        assertEquals(NUMBER, json.getJsonArray("recipients").getString(0));
        assertEquals(TEXT, json.getString("message"));
    }

    @Test
    void getsWithTheValuesInTheQueryAndAKeyInItsOwnHeader() throws Exception {
        HttpSmsSettings get = new HttpSmsSettings(provider.url("/api/send?to={to}&text={text}&account=univ"), "GET", "",
                "application/x-www-form-urlencoded", Optional.empty(), "", "X-Api-Key", "k-123", Duration.ofSeconds(5));

        new HttpSmsGateway(get).send(NUMBER, TEXT);

        Received request = provider.next();
        assertEquals("GET", request.method());
        assertEquals("/api/send", request.path());
        assertEquals("k-123", request.header("X-Api-Key"));
        assertNull(request.header("Authorization"));
        assertEquals("", request.body());
        assertTrue(request.rawQuery().startsWith("to=%2B33639980123&text=S%C3%A9same%2C%20lien"), request.rawQuery());
        assertFalse(request.rawQuery().contains("+"), "a + in a query may be read as a space");
        assertEquals(Map.of("to", NUMBER, "text", TEXT, "account", "univ"), decodeForm(request.rawQuery()));
    }

    @Test
    void anAnswerOtherThan2xxIsAFailureThatNamesNeitherTheTextNorTheCredentials() {
        provider.answering(500);

        SmsNotSentException e = assertThrows(SmsNotSentException.class, () -> new HttpSmsGateway(form()).send(NUMBER, TEXT));

        assertEquals("The SMS gateway " + provider.url("") + " answered HTTP 500", e.getMessage());
        assertNull(e.getCause());
        provider.answering(302);
        assertThrows(SmsNotSentException.class, () -> new HttpSmsGateway(form()).send(NUMBER, TEXT), "redirects are not followed");
    }

    @Test
    void noAnswerWithinTheTimeoutIsAFailure() {
        provider.answeringAfter(Duration.ofSeconds(3));
        HttpSmsSettings slow = settings(provider.url("/send"), "POST", "to={to}&m={text}", "application/x-www-form-urlencoded",
                Optional.empty(), "", "", Duration.ofMillis(300));

        long start = System.nanoTime();
        SmsNotSentException e = assertThrows(SmsNotSentException.class, () -> new HttpSmsGateway(slow).send(NUMBER, TEXT));

        assertTrue(e.getMessage().contains("did not answer within PT0.3S"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0, "gave up in time");
    }

    @Test
    void anUnreachableGatewayIsAFailure() {
        HttpSmsSettings settings = form();
        provider.close();

        SmsNotSentException e = assertThrows(SmsNotSentException.class, () -> new HttpSmsGateway(settings).send(NUMBER, TEXT));

        assertTrue(e.getMessage().startsWith("The SMS gateway http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
    }

    @Test
    void settingsThatCannotMakeARequestAreRefusedAtOnceWithoutQuotingSecrets() {
        String url = provider.url("/send?key=SECRET-KEY");
        Duration timeout = Duration.ofSeconds(5);
        String form = "application/x-www-form-urlencoded";

        assertRefused("method must be GET or POST", settings(url, "PUT", "to={to}&m={text}", form, Optional.empty(), "", "", timeout));
        assertRefused("only with sesame.sms.http.method=POST", settings(url, "GET", "to={to}&m={text}", form, Optional.empty(), "", "", timeout));
        assertRefused("content-type must be", settings(url, "POST", "<to>{to}</to><m>{text}</m>", "application/xml", Optional.empty(), "", "", timeout));
        assertRefused("must hold both {to} and {text}", settings(url, "POST", "to={to}", form, Optional.empty(), "", "", timeout));
        assertRefused("not both", settings(url, "POST", "to={to}&m={text}", form, Optional.of("univ"), "pw", "Bearer x", timeout));
        assertRefused("absolute http(s) address", settings("ftp://sms.example/SECRET-KEY?to={to}&m={text}", "GET", "", form, Optional.empty(), "", "", timeout));
        assertRefused("not a valid address", settings("http://sms example/SECRET-KEY?to={to}&m={text}", "GET", "", form, Optional.empty(), "", "", timeout));
        assertRefused("positive duration", settings(url, "POST", "to={to}&m={text}", form, Optional.empty(), "", "", Duration.ZERO));
        assertRefused("header-name cannot be sent", new HttpSmsSettings(url, "POST", "to={to}&m={text}", form,
                Optional.empty(), "", "Host", "sms.example", timeout));
    }

    private static void assertRefused(String expected, HttpSmsSettings settings) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HttpSmsGateway(settings));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-KEY"), e.getMessage());
    }

    @Test
    void theSettingsNeverShowTheirSecrets() {
        HttpSmsSettings settings = settings(provider.url("/send?key=SECRET-KEY&to={to}"), "POST", "m={text}",
                "application/x-www-form-urlencoded", Optional.of("univ"), "PASSWORD", "", Duration.ofSeconds(5));

        String shown = settings.toString() + new HttpSmsGateway(settings);

        assertFalse(shown.contains("SECRET-KEY") || shown.contains("PASSWORD"), shown);
        assertTrue(shown.contains("127.0.0.1"), shown);
    }
}
