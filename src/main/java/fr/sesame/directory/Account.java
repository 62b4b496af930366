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

    /**
     * Whether the directory says this account may be used today: its SupAnn {@code {COMPTE}} state, when
     * present, is active ({@code A}), and its dated state ({@code {COMPTE}A:SubState:start:end}), when present,
     * has not ended. A start still to come does not refuse it (students activate ahead of the rentrée). An entry
     * without either is taken as allowed.
     */
    public boolean accountAllowed() {
        return accountAllowedOn(LocalDate.now(java.time.ZoneId.of("Europe/Paris")));
    }

    boolean accountAllowedOn(LocalDate today) {
        for (String state : values(AccountField.ACCOUNT_STATE)) {
            String upper = state.toUpperCase(Locale.ROOT);
            if (upper.startsWith("{COMPTE}") && !upper.startsWith("{COMPTE}A")) {
                return false;
            }
        }
        for (String dated : values(AccountField.ACCOUNT_STATE_DATES)) {
            String upper = dated.toUpperCase(Locale.ROOT);
            if (!upper.startsWith("{COMPTE}")) {
                continue;
            }
            String[] parts = upper.substring("{COMPTE}".length()).split(":", -1);
            if (!parts[0].equals("A")) {
                return false;
            }
            if (parts.length > 3 && parts[3].matches("[0-9]{8}")
                    && LocalDate.parse(parts[3], java.time.format.DateTimeFormatter.BASIC_ISO_DATE).isBefore(today)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Account[" + dn + "]";
    }
}
