package fr.sesame.password;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Joker answers: the proof a person gives in the forgotten-password flow. Answers are compared after
 * normalisation ("Dupont ", "DUPONT" and "dupônt" are one answer) against a salted Argon2id hash; the
 * answer itself is never stored.
 */
@ApplicationScoped
public class JokerAnswers {

    /** Why an answer cannot be chosen. Each has a message {@code joker.answer.problem.<name>}. */
    public enum Problem {
        TOO_SHORT,
        SAME_AS_LOGIN,
        SAME_AS_PASSWORD,
        TRIVIAL;

        public String messageKey() {
            return "joker.answer.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 100;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> TRIVIAL = Set.of("oui", "non", "yes", "no", "rien", "aucun", "aucune", "none",
            "nothing", "test", "azerty", "qwerty", "abc", "abcd", "123", "1234", "12345", "123456", "motdepasse",
            "password", "secret", "joker", "reponse", "answer", "sesame", "xxx", "jesaispas", "je sais pas");

    private final Argon2Hasher hasher;

    /** Hashes with OWASP's recommended Argon2id settings. */
    public JokerAnswers() {
        this(Argon2Hasher.OWASP);
    }

    public JokerAnswers(Argon2Hasher hasher) {
        this.hasher = hasher;
    }

    /** Trimmed, spaces collapsed, accents stripped, case folded without regard to the locale. */
    public static String normalize(String answer) {
        String decomposed = Normalizer.normalize(answer == null ? "" : answer, Normalizer.Form.NFKD);
        String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String folded = unaccented.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return SPACES.matcher(folded).replaceAll(" ").trim();
    }

    /** Why this answer may not be chosen by the person with this login and new password, if it may not. */
    public static Optional<Problem> problemWith(String answer, String login, String password) {
        String normalized = normalize(answer);
        if (normalized.length() < MIN_LENGTH || normalized.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (login != null && !login.isBlank() && normalized.equals(normalize(login))) {
            return Optional.of(Problem.SAME_AS_LOGIN);
        }
        if (password != null && !password.isEmpty() && normalized.equals(normalize(password))) {
            return Optional.of(Problem.SAME_AS_PASSWORD);
        }
        if (TRIVIAL.contains(normalized) || normalized.chars().distinct().count() == 1) {
            return Optional.of(Problem.TRIVIAL);
        }
        return Optional.empty();
    }

    /** The value to store: a salted slow hash of the normalised answer. */
    public String hash(String answer) {
        return hasher.hash(normalize(answer));
    }

    public static boolean matches(String answer, String storedHash) {
        return Argon2Hasher.matches(normalize(answer), storedHash);
    }
}
