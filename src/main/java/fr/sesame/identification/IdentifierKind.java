package fr.sesame.identification;

import fr.sesame.directory.AccountField;
import java.util.Arrays;
import java.util.Optional;

/**
 * The identifiers a person may name themselves by, each held in one field of their account. The slug names
 * the kind in URLs and message keys ({@code identification.kind.<slug>.label}, {@code .help},
 * {@code .placeholder}).
 */
public enum IdentifierKind {

    STUDENT_NUMBER("student", AccountField.STUDENT_NUMBER),
    INE("ine", AccountField.INE),
    STAFF_NUMBER("staff", AccountField.STAFF_NUMBER),
    UID("uid", AccountField.UID);

    private final String slug;
    private final AccountField field;

    IdentifierKind(String slug, AccountField field) {
        this.slug = slug;
        this.field = field;
    }

    public String slug() {
        return slug;
    }

    /** The account field the identifier is looked up in. */
    public AccountField field() {
        return field;
    }

    public String labelKey() {
        return "identification.kind." + slug + ".label";
    }

    public String helpKey() {
        return "identification.kind." + slug + ".help";
    }

    public String placeholderKey() {
        return "identification.kind." + slug + ".placeholder";
    }

    /** The message telling what this kind of identifier looks like, shown when one is malformed. */
    public String formatErrorKey() {
        return "identification.error." + slug + "Format";
    }

    /** The kind a URL names, if any. */
    public static Optional<IdentifierKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
