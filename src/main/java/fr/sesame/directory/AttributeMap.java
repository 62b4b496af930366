package fr.sesame.directory;

import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which directory attribute holds each {@link AccountField}, and how birth dates are written.
 * The one place where the portal's words meet the directory's.
 */
public final class AttributeMap {

    private final Map<AccountField, String> attributes;
    private final String birthDatePattern;
    private final DateTimeFormatter birthDateFormat;

    public AttributeMap(Map<AccountField, String> attributes, String birthDatePattern) {
        EnumMap<AccountField, String> copy = new EnumMap<>(AccountField.class);
        for (AccountField field : AccountField.values()) {
            copy.put(field, Objects.requireNonNullElse(attributes.get(field), field.defaultAttribute()));
        }
        this.attributes = Collections.unmodifiableMap(copy);
        this.birthDatePattern = birthDatePattern;
        this.birthDateFormat = DateTimeFormatter.ofPattern(birthDatePattern);
    }

    /** The defaults of {@link AccountField}, SCHAC birth dates. */
    public static AttributeMap defaults() {
        return new AttributeMap(Map.of(), "yyyyMMdd");
    }

    public String attribute(AccountField field) {
        return attributes.get(field);
    }

    /** Every mapped attribute, to ask the directory for them all in one search. */
    public String[] allAttributes() {
        return attributes.values().stream().distinct().toArray(String[]::new);
    }

    public DateTimeFormatter birthDateFormat() {
        return birthDateFormat;
    }

    public String birthDatePattern() {
        return birthDatePattern;
    }
}
