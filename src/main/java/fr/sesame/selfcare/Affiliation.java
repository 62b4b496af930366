package fr.sesame.selfcare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The affiliations of eduPerson and SupAnn 2021 ({@code eduPersonAffiliation}), as a person reads them on their
 * account page ({@code account.affiliation.<key>}). {@code staff} and {@code employee} say the same thing to a
 * person, so they are one. Values outside these lists are local conventions without a text: they are not shown.
 */
public enum Affiliation {
    STUDENT("student"),
    FACULTY("faculty"),
    TEACHER("teacher"),
    RESEARCHER("researcher"),
    STAFF("staff", "employee"),
    AFFILIATE("affiliate"),
    REGISTERED_READER("registered-reader"),
    LIBRARY_WALK_IN("library-walk-in"),
    ALUM("alum"),
    RETIRED("retired"),
    EMERITUS("emeritus"),
    MEMBER("member");

    private final List<String> values;

    Affiliation(String... values) {
        this.values = List.of(values);
    }

    public String messageKey() {
        return "account.affiliation." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Affiliation> of(String value) {
        String lower = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.values.contains(lower)).findFirst();
    }

    /** The primary affiliation first, then the others in directory order, "member" last; each once. */
    public static List<Affiliation> of(Optional<String> primary, List<String> all) {
        Set<Affiliation> ordered = new LinkedHashSet<>();
        primary.flatMap(Affiliation::of).ifPresent(ordered::add);
        all.stream()
                .map(Affiliation::of)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(affiliation -> affiliation == MEMBER))
                .forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
