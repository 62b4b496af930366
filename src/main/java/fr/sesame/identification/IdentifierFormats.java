package fr.sesame.identification;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each kind of identifier must look like before the directory is asked about it, so a typing mistake
 * is told at once and nothing that is not an identifier (LDAP filter characters, say) reaches a search.
 *
 * @param patterns the regular expression each kind must match entirely; a kind left out gets its default
 * @param verifyIneCheckCharacter whether an INE's check character is verified where its form has one
 *     ({@link Ine})
 */
public record IdentifierFormats(Map<IdentifierKind, Pattern> patterns, boolean verifyIneCheckCharacter) {

    /** Student numbers: 1 to 20 digits. */
    public static final String DEFAULT_STUDENT_NUMBER = "[0-9]{1,20}";
    /** Staff numbers: 1 to 20 digits, leading zeros kept. */
    public static final String DEFAULT_STAFF_NUMBER = "[0-9]{1,20}";
    /** UIDs: 1 to 64 letters, digits, dots, underscores and hyphens. */
    public static final String DEFAULT_UID = "[A-Za-z0-9._-]{1,64}";
    /** INEs, upper-cased: any of the four forms of {@link Ine.Form}. */
    public static final String DEFAULT_INE = Ine.ANY_FORM;

    public IdentifierFormats {
        EnumMap<IdentifierKind, Pattern> complete = new EnumMap<>(IdentifierKind.class);
        for (IdentifierKind kind : IdentifierKind.values()) {
            complete.put(kind,
                    Objects.requireNonNullElseGet(patterns.get(kind), () -> Pattern.compile(defaultRegex(kind))));
        }
        patterns = Collections.unmodifiableMap(complete);
    }

    /** The default pattern of every kind, INE check characters verified. */
    public static IdentifierFormats defaults() {
        return new IdentifierFormats(Map.of(), true);
    }

    /**
     * Formats from configured regular expressions (a kind left out keeps its default).
     *
     * @throws IllegalArgumentException if a regular expression does not compile
     */
    public static IdentifierFormats of(Map<IdentifierKind, String> regexes, boolean verifyIneCheckCharacter) {
        EnumMap<IdentifierKind, Pattern> compiled = new EnumMap<>(IdentifierKind.class);
        regexes.forEach((kind, regex) -> {
            try {
                compiled.put(kind, Pattern.compile(regex));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("Invalid pattern for " + kind.slug() + " identifiers: " + regex, e);
            }
        });
        return new IdentifierFormats(compiled, verifyIneCheckCharacter);
    }

    public static String defaultRegex(IdentifierKind kind) {
        return switch (kind) {
            case STUDENT_NUMBER -> DEFAULT_STUDENT_NUMBER;
            case INE -> DEFAULT_INE;
            case STAFF_NUMBER -> DEFAULT_STAFF_NUMBER;
            case UID -> DEFAULT_UID;
        };
    }

    /**
     * The identifier as it is looked up — without surrounding spaces, INEs in upper case — if it is well formed
     * for its kind; empty otherwise.
     */
    public Optional<String> normalise(IdentifierKind kind, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = kind == IdentifierKind.INE ? Ine.normalise(raw) : raw.strip();
        if (!patterns.get(kind).matcher(value).matches()) {
            return Optional.empty();
        }
        if (kind == IdentifierKind.INE && verifyIneCheckCharacter && Ine.formOf(value).isPresent()
                && !Ine.checkCharacterMatches(value)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
