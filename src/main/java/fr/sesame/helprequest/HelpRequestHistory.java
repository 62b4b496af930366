package fr.sesame.helprequest;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of a help request as kept in its entry ({@code sesameSecurityEvent}, one JSON object per value):
 * {@code {"at":…,"event":"submitted","lang":"fr"}} and {@code {"at":…,"event":"closed","actor":<agent>,"note":…}}.
 * The language of the form is kept so that the closing mail is written in it.
 */
final class HelpRequestHistory {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private HelpRequestHistory() {}

    static String submitted(Instant at, Locale locale) {
        return JSON.createObjectBuilder()
                .add("at", at.toString())
                .add("event", "submitted")
                .add("lang", locale.getLanguage())
                .build().toString();
    }

    static String closed(Instant at, String agent, String note) {
        return JSON.createObjectBuilder()
                .add("at", at.toString())
                .add("event", "closed")
                .add("actor", agent)
                .add("note", note)
                .build().toString();
    }

    /** The language the request was written in, if its history says so. */
    static Optional<Locale> language(List<String> history) {
        return history.stream()
                .map(HelpRequestHistory::read)
                .flatMap(Optional::stream)
                .filter(step -> "submitted".equals(step.getString("event", "")))
                .map(step -> step.getString("lang", ""))
                .filter(lang -> lang.matches("[a-z]{2,3}"))
                .map(Locale::forLanguageTag)
                .findFirst();
    }

    private static Optional<JsonObject> read(String value) {
        try (JsonReader reader = JSON.createReader(new StringReader(value))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
