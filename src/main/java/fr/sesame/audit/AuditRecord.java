package fr.sesame.audit;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One audited fact: when, what, by whom (the person themself, an agent, or an anonymous visitor), from
 * which client address, on whose account, with what outcome. Details carry context such as the flow or
 * the identifier kind, never a secret, a birth date or an answer.
 *
 * @param id a random identifier, unique per record, to find one record across logs and entries
 * @param actor the login of who acted, or {@code anonymous} before identification
 * @param subject the login of the account concerned, or empty when unknown
 */
public record AuditRecord(
        String id,
        Instant at,
        AuditEvent event,
        boolean success,
        String actor,
        String clientAddress,
        String subject,
        Map<String, String> details) implements Serializable {

    /** Looked up once: {@code Json.create…} looks the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String ANONYMOUS = "anonymous";
    /** The detail, and its value, that mark what a helpdesk agent did to someone's account. */
    public static final String BY = "by";
    public static final String HELPDESK = "helpdesk";

    private static final SecureRandom RANDOM = new SecureRandom();

    public AuditRecord {
        details = Map.copyOf(details);
    }

    /** A new record, with a fresh id. */
    public static AuditRecord of(Instant at, AuditEvent event, boolean success, String actor, String clientAddress,
            String subject, Map<String, String> details) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return new AuditRecord(Base64.getUrlEncoder().encodeToString(bytes), at, event, success, actor, clientAddress,
                subject, details);
    }

    /** A successful change made by the person on their own account. */
    public static AuditRecord bySelf(AuditEvent event, String login, String clientAddress, Instant at) {
        return of(at, event, true, login, clientAddress, login, Map.of());
    }

    /**
     * A successful action of a helpdesk agent on the account of {@code subject}, marked as such ({@code "by":
     * "helpdesk"}) so that the helpdesk-admin view finds it among the person's kept events.
     */
    public static AuditRecord byAgent(Instant at, AuditEvent event, String agent, String clientAddress, String subject) {
        return of(at, event, true, agent, clientAddress, subject, Map.of(BY, HELPDESK));
    }

    /** Whether a helpdesk agent made this record ({@link #byAgent}). */
    public boolean madeByAgent() {
        return HELPDESK.equals(details.get(BY)) && !ANONYMOUS.equals(actor);
    }

    /** Text that the JSON form of every record {@linkplain #byAgent made by an agent} contains. */
    public static String agentMark() {
        return "\"" + BY + "\":\"" + HELPDESK + "\"";
    }

    /** Text that the JSON form of every record whose actor is {@code actor} contains. */
    public static String actorMark(String actor) {
        return "\"actor\":" + JSON.createValue(actor);
    }

    public AuditRecord with(String detail, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(detail, value);
        return new AuditRecord(id, at, event, success, actor, clientAddress, subject, more);
    }

    public AuditRecord failed() {
        return new AuditRecord(id, at, event, false, actor, clientAddress, subject, details);
    }

    /** The record as one line of JSON. */
    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id)
                .add("at", at.toString())
                .add("event", event.key())
                .add("outcome", success ? "success" : "failure")
                .add("actor", actor)
                .add("client", clientAddress == null ? "" : clientAddress)
                .add("subject", subject == null ? "" : subject);
        if (!details.isEmpty()) {
            JsonObjectBuilder more = JSON.createObjectBuilder();
            details.forEach(more::add);
            json.add("details", more);
        }
        return json.build().toString();
    }

    /** Reads a record written by {@link #toJson()}; empty when the text is not one (e.g. a later format). */
    public static Optional<AuditRecord> fromJson(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            AuditEvent event = AuditEvent.valueOf(json.getString("event").toUpperCase().replace('-', '_'));
            Map<String, String> details = new LinkedHashMap<>();
            if (json.containsKey("details")) {
                json.getJsonObject("details").forEach((key, value) -> details.put(key, json.getJsonObject("details").getString(key)));
            }
            return Optional.of(new AuditRecord(json.getString("id", ""), Instant.parse(json.getString("at")), event,
                    "success".equals(json.getString("outcome")), json.getString("actor"), json.getString("client", ""),
                    json.getString("subject", ""), details));
        } catch (RuntimeException notARecord) {
            return Optional.empty();
        }
    }
}
