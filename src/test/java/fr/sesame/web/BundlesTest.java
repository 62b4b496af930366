package fr.sesame.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.audit.AuditEvent;
import fr.sesame.identification.IdentifierKind;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text a person reads exists in French and in English, and every typed key the code uses is there. */
class BundlesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/fr/sesame/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : List.of("messages", "mails")) {
            Set<String> french = new TreeSet<>(load(bundle + ".properties").stringPropertyNames());
            Set<String> english = new TreeSet<>(load(bundle + "_en.properties").stringPropertyNames());

            Set<String> onlyFrench = new TreeSet<>(french);
            onlyFrench.removeAll(english);
            Set<String> onlyEnglish = new TreeSet<>(english);
            onlyEnglish.removeAll(french);
            assertEquals(Set.of(), onlyFrench, bundle + ": keys missing in English");
            assertEquals(Set.of(), onlyEnglish, bundle + ": keys missing in French");
        }
    }

    @Test
    void everyKeyTheCodeNamesHasItsText() throws IOException {
        Properties french = load("messages.properties");
        List<String> keys = new ArrayList<>();
        for (PasswordRule rule : PasswordRule.values()) {
            keys.add(rule.messageKey());
        }
        for (AuditEvent event : AuditEvent.values()) {
            keys.add(event.messageKey());
        }
        for (IdentifierKind kind : IdentifierKind.values()) {
            keys.addAll(List.of(kind.labelKey(), kind.helpKey(), kind.placeholderKey(), kind.formatErrorKey()));
        }
        for (JokerAnswers.Problem problem : JokerAnswers.Problem.values()) {
            keys.add(problem.messageKey());
        }

        List<String> missing = keys.stream().filter(key -> !french.containsKey(key)).toList();
        assertTrue(missing.isEmpty(), "No text for " + missing);
    }

    @Test
    void patternsWithParametersUseTheTypographicApostrophe() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties", "mails.properties", "mails_en.properties")) {
            Properties bundle = load(name);
            List<String> broken = bundle.stringPropertyNames().stream()
                    .filter(key -> bundle.getProperty(key).contains("{0}") && bundle.getProperty(key).contains("'"))
                    .toList();
            assertEquals(List.of(), broken, name + ": a plain ' would vanish in MessageFormat");
        }
    }
}
