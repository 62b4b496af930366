package fr.sesame.directory;

import com.unboundid.util.StaticUtils;
import java.io.Serializable;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person's account as read from their directory entry, in the portal's words ({@link AccountField})
 * rather than attribute names. Immutable: a change goes through {@link AccountUpdate}.
 */
public final class Account implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String dn;
    private final Map<AccountField, List<String>> values;
    private final String birthDatePattern;

    Account(String dn, Map<AccountField, List<String>> values, String birthDatePattern) {
        this.dn = dn;
        EnumMap<AccountField, List<String>> copy = new EnumMap<>(AccountField.class);
        values.forEach((field, list) -> copy.put(field, List.copyOf(list)));
        this.values = Collections.unmodifiableMap(copy);
        this.birthDatePattern = birthDatePattern;
    }

    /** The entry's distinguished name: the account's identity for every later read or write. */
    public String dn() {
        return dn;
    }

    /** Every value of a field, in directory order; empty when absent. */
    public List<String> values(AccountField field) {
        return values.getOrDefault(field, List.of());
    }

    /** The first value of a field, if any. */
    public Optional<String> value(AccountField field) {
        List<String> list = values(field);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public boolean has(AccountField field) {
        return !values(field).isEmpty();
    }

    public String login() {
        return value(AccountField.LOGIN).or(() -> value(AccountField.UID)).orElse("");
    }

    public String displayName() {
        return value(AccountField.DISPLAY_NAME)
                .orElseGet(() -> (value(AccountField.GIVEN_NAME).orElse("") + " "
                                + value(AccountField.SURNAME).orElse(""))
                        .trim());
    }

    public Optional<String> personalEmail() {
        return value(AccountField.PERSONAL_EMAIL);
    }

    /** The birth date, when the directory holds one in the configured pattern. */
    public Optional<LocalDate> birthDate() {
        return value(AccountField.BIRTH_DATE).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern(birthDatePattern)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether a boolean field holds {@code TRUE}. */
    public boolean isTrue(AccountField field) {
        return value(field).map(v -> v.equalsIgnoreCase("TRUE")).orElse(false);
    }

    /** A GeneralizedTime field as an instant, when present and well-formed. */
    public Optional<Instant> instant(AccountField field) {
        return value(field).flatMap(Account::parseGeneralizedTime);
    }

    static Optional<Instant> parseGeneralizedTime(String text) {
        try {
            return Optional.of(StaticUtils.decodeGeneralizedTime(text).toInstant());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** A GeneralizedTime value as the directory stores it. */
    public static String generalizedTime(Instant instant) {
        return StaticUtils.encodeGeneralizedTime(java.util.Date.from(instant));
    }

    /** Whether the directory says this account is allowed (SupAnn: {@code {COMPTE}A...} or no state at all). */
    public boolean accountAllowed() {
        List<String> states = values(AccountField.ACCOUNT_STATE);
        for (String state : states) {
            String upper = state.toUpperCase(Locale.ROOT);
            if (upper.startsWith("{COMPTE}")) {
                return upper.startsWith("{COMPTE}A");
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Account[" + dn + "]";
    }
}
