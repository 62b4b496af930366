package fr.sesame.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.password.JokerAnswers.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JokerAnswersTest {

    private final JokerAnswers answers = new JokerAnswers(new Argon2Hasher(1024, 1, 1));

    @ParameterizedTest
    @ValueSource(strings = {"Dupont", "Dupont ", "DUPONT", "dupônt", "  DÛPÔNT\t", "ｄｕｐｏｎｔ"})
    void spellingsOfOneAnswerMatchTheStoredHash(String spelling) {
        String stored = answers.hash("Dupont");

        assertTrue(JokerAnswers.matches(spelling, stored));
    }

    @Test
    void normalisationCollapsesSpacesAndFoldsCaseWithoutLocale() {
        assertEquals("jean pierre", JokerAnswers.normalize("  Jean   Pierre "));
        assertEquals("strasse", JokerAnswers.normalize("STRAßE"));
        assertEquals("istanbul", JokerAnswers.normalize("İSTANBUL"));
        assertEquals("noel", JokerAnswers.normalize("Noël"));
    }

    @Test
    void aDifferentAnswerDoesNotMatch() {
        String stored = answers.hash("Médor");

        assertFalse(JokerAnswers.matches("Rex", stored));
        assertFalse(JokerAnswers.matches("Médor2", stored));
        assertFalse(JokerAnswers.matches("", stored));
    }

    @Test
    void theStoredValueIsASaltedHashNeverTheAnswer() {
        String first = answers.hash("Médor");

        assertTrue(first.startsWith("$argon2id$"));
        assertFalse(first.toLowerCase().contains("medor"));
        assertFalse(first.equals(answers.hash("Médor")));
    }

    @Test
    void answersThatGiveNoProofAreRefusedAtSetup() {
        assertEquals(Optional.of(Problem.TOO_SHORT), JokerAnswers.problemWith(" a ", "bruno.petit", "Pw"));
        assertEquals(Optional.of(Problem.SAME_AS_LOGIN), JokerAnswers.problemWith("Bruno.Petit", "bruno.petit", "Pw"));
        assertEquals(Optional.of(Problem.SAME_AS_PASSWORD),
                JokerAnswers.problemWith("rentree-2026!", "bruno.petit", "Rentree-2026!"));
        assertEquals(Optional.of(Problem.TRIVIAL), JokerAnswers.problemWith("AZERTY", "bruno.petit", "Pw"));
        assertEquals(Optional.of(Problem.TRIVIAL), JokerAnswers.problemWith("zzzz", "bruno.petit", "Pw"));
        assertEquals(Optional.empty(), JokerAnswers.problemWith("Médor", "bruno.petit", "Rentree-2026!"));
    }
}
