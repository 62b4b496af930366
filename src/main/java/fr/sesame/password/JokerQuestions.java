package fr.sesame.password;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.IntStream;

/**
 * The joker questions a person may pick (seed 002: "choisir une question parmi celles qui vous sont
 * proposées ou en créer une"). They are the bundle keys {@code joker.question.1} to {@code .6}; the chosen
 * question is stored as the text the person read, in their language.
 */
@ApplicationScoped
public class JokerQuestions {

    /** The choice that means "I write my own question". */
    public static final String OWN = "own";

    private static final List<String> KEYS =
            IntStream.rangeClosed(1, 6).mapToObj(i -> "joker.question." + i).toList();

    public List<String> keys() {
        return KEYS;
    }

    /** The text of an offered question in the given language; empty for anything not offered. */
    public Optional<String> text(String key, Locale locale) {
        if (key == null || !KEYS.contains(key)) {
            return Optional.empty();
        }
        return Optional.of(ResourceBundle.getBundle("fr.sesame.i18n.messages", locale).getString(key));
    }
}
