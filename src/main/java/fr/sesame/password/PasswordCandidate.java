package fr.sesame.password;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A password someone wants to set, with what the policy needs to judge it: the confirmation they typed,
 * their login, and what an attacker who knows them would try first (names, birth date). Only given to
 * {@link PasswordPolicy}; never stored, and {@link #toString()} never shows the password.
 *
 * @param password     the new password as typed; {@code null} reads as empty
 * @param confirmation the second entry; must equal {@code password}
 * @param login        the login the person signs in with; may be {@code null} when not known yet
 * @param givenName    may be {@code null}
 * @param surname      may be {@code null}
 * @param birthDate    may be {@code null}
 */
public record PasswordCandidate(
        String password, String confirmation, String login, String givenName, String surname, LocalDate birthDate) {

    /** Words shorter than this would match inside too many passwords to mean anything. */
    private static final int MIN_WORD_LENGTH = 3;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<DateTimeFormatter> BIRTH_DATE_FORMS = List.of(
            DateTimeFormatter.ofPattern("uuuu"),
            DateTimeFormatter.ofPattern("ddMMuuuu"),
            DateTimeFormatter.ofPattern("ddMMuu"),
            DateTimeFormatter.ofPattern("ddMM"),
            DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("MMdd"));

    public PasswordCandidate {
        password = password == null ? "" : password;
        confirmation = confirmation == null ? "" : confirmation;
        login = login == null ? "" : login.strip();
    }

    /** A candidate for someone of whom only the login is known. */
    public static PasswordCandidate of(String password, String confirmation, String login) {
        return new PasswordCandidate(password, confirmation, login, null, null, null);
    }

    /**
     * What to count for nothing in this person's password, folded like the password is before estimating
     * (lower case, no accents): the login whole, without its separators and by parts, the names whole and
     * by parts, and the birth date as people write it without separators (2003, 02112003, 021103, 0211…).
     */
    public Set<String> personalWords() {
        Set<String> words = new LinkedHashSet<>();
        for (String text : new String[] {login, givenName, surname}) {
            if (text == null) {
                continue;
            }
            String folded = PasswordPolicy.fold(text);
            add(words, folded);
            add(words, NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(""));
            for (String part : NOT_LETTER_OR_DIGIT.split(folded)) {
                add(words, part);
            }
        }
        if (birthDate != null) {
            BIRTH_DATE_FORMS.forEach(form -> add(words, birthDate.format(form)));
        }
        return words;
    }

    private static void add(Set<String> words, String word) {
        if (word.length() >= MIN_WORD_LENGTH) {
            words.add(word);
        }
    }

    @Override
    public String toString() {
        return "PasswordCandidate[login=" + login + ", password=(hidden)]";
    }
}
