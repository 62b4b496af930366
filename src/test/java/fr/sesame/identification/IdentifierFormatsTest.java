package fr.sesame.identification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifierFormatsTest {

    private final IdentifierFormats formats = IdentifierFormats.defaults();

    private Optional<String> student(String raw) {
        return formats.normalise(IdentifierKind.STUDENT_NUMBER, raw);
    }

    private Optional<String> staff(String raw) {
        return formats.normalise(IdentifierKind.STAFF_NUMBER, raw);
    }

    private Optional<String> uid(String raw) {
        return formats.normalise(IdentifierKind.UID, raw);
    }

    private Optional<String> ine(String raw) {
        return formats.normalise(IdentifierKind.INE, raw);
    }

    @Test
    void aStudentNumberIsOneToTwentyDigits() {
        assertEquals(Optional.of("21900002"), student("21900002"));
        assertEquals(Optional.of("7"), student("7"));
        assertEquals(Optional.of("12345678901234567890"), student("12345678901234567890"));
        assertEquals(Optional.empty(), student("123456789012345678901"));
        assertEquals(Optional.empty(), student("2190A002"));
        assertEquals(Optional.empty(), student("219 00002"));
        assertEquals(Optional.empty(), student(""));
        assertEquals(Optional.empty(), student(null));
        assertEquals(Optional.empty(), student("２１９００００２"), "full-width digits are not digits here");
    }

    @Test
    void aStaffNumberKeepsItsLeadingZeros() {
        assertEquals(Optional.of("004512"), staff("004512"));
        assertEquals(Optional.empty(), staff("-4512"));
        assertEquals(Optional.empty(), staff("4512.0"));
    }

    @Test
    void aUidIsLettersDigitsDotsUnderscoresAndHyphens() {
        assertEquals(Optional.of("10000004"), uid("10000004"));
        assertEquals(Optional.of("j.dupont-2_b"), uid("j.dupont-2_b"));
        assertEquals(Optional.of("a".repeat(64)), uid("a".repeat(64)));
        assertEquals(Optional.empty(), uid("a".repeat(65)));
        assertEquals(Optional.empty(), uid("jean dupont"));
        assertEquals(Optional.empty(), uid("josé"));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertEquals(Optional.of("21900002"), student("  21900002\t"));
        assertEquals(Optional.of("004512"), staff(" 004512 "));
        assertEquals(Optional.of("10000004"), uid(" 10000004"));
        assertEquals(Optional.of("123456789AB"), ine(" 123456789AB  "));
    }

    @Test
    void ldapFilterCharactersAreNeverAnIdentifier() {
        for (IdentifierKind kind : IdentifierKind.values()) {
            for (String attack : List.of("*", "2190*", "x)(uid=*", "21900002)(|(uid=*", "\\2a", "a\\b", "(uid=*)")) {
                assertEquals(Optional.empty(), formats.normalise(kind, attack), kind + " " + attack);
            }
        }
    }

    @Test
    void anIneOfNineDigitsAndTwoLettersIsAcceptedWithoutACheck() {
        assertEquals(Optional.of("123456789AB"), ine("123456789AB"));
        assertEquals(Optional.of("234567890CD"), ine("234567890CD"));
        assertEquals(Optional.of("000000000JK"), ine("000000000JK"));
        assertEquals(Optional.empty(), ine("123456789AL"), "only A to H, J and K are RNIE letters");
        assertEquals(Optional.empty(), ine("123456789IA"));
    }

    @Test
    void anIneOfTenDigitsAndALetterMustCarryItsCheckLetter() {
        // 1234567890 = 23 × 53676864 + 18, and the 19th letter without I, O and Q is V.
        assertEquals(Optional.of("1234567890V"), ine("1234567890V"));
        assertEquals(Optional.empty(), ine("1234567890W"), "a wrong check letter");
        // 0000000023 ≡ 0 (mod 23): A.
        assertEquals(Optional.of("0000000023A"), ine("0000000023A"));
        assertEquals(Optional.empty(), ine("1234567890O"), "O is never a check letter");
    }

    @Test
    void anIneIsCaseInsensitiveAndComparedInUpperCase() {
        assertEquals(Optional.of("1234567890V"), ine("1234567890v"));
        assertEquals(Optional.of("123456789AB"), ine("123456789ab"));
    }

    @Test
    void theUniversityAndApprenticeIneFormsAreAccepted() {
        assertEquals(Optional.of("0A1B2C3D4E5"), ine("0a1b2c3d4e5"), "base 36: ten digits or letters, then a digit");
        assertEquals(Optional.of("1234A12345F"), ine("1234A12345F"), "SIFA: 4 digits, A, 5 digits, a letter");
        assertEquals(Optional.empty(), ine("1234A12345Q"));
    }

    @Test
    void anIneOfAnotherLengthOrShapeIsRefused() {
        assertEquals(Optional.empty(), ine("1234567890"));
        assertEquals(Optional.empty(), ine("1234567890VV"));
        assertEquals(Optional.empty(), ine("ABCDEFGHIJK"));
        assertEquals(Optional.empty(), ine("123456789-B"));
        assertEquals(Optional.empty(), ine("1234 56789AB"));
    }

    @Test
    void theIneCheckCanBeSwitchedOff() {
        IdentifierFormats unchecked = IdentifierFormats.of(Map.of(), false);

        assertEquals(Optional.of("1234567890W"), unchecked.normalise(IdentifierKind.INE, "1234567890W"));
        assertEquals(Optional.empty(), unchecked.normalise(IdentifierKind.INE, "1234567890"), "the form still counts");
    }

    @Test
    void aConfiguredPatternReplacesTheDefaultOfItsKindOnly() {
        IdentifierFormats custom = IdentifierFormats.of(Map.of(IdentifierKind.STUDENT_NUMBER, "[0-9]{8}"), true);

        assertEquals(Optional.empty(), custom.normalise(IdentifierKind.STUDENT_NUMBER, "1234567"));
        assertEquals(Optional.of("12345678"), custom.normalise(IdentifierKind.STUDENT_NUMBER, "12345678"));
        assertEquals(Optional.of("7"), custom.normalise(IdentifierKind.STAFF_NUMBER, "7"));
    }

    @Test
    void aConfiguredPatternThatDoesNotCompileIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> IdentifierFormats.of(Map.of(IdentifierKind.UID, "[a-z"), true));
    }

    @Test
    void theBeaCheckLetterFollowsTheRemainderModulo23() {
        assertEquals('A', Ine.beaCheckLetter("0000000000"));
        assertEquals('H', Ine.beaCheckLetter("0000000007"));
        assertEquals('J', Ine.beaCheckLetter("0000000008"), "I is skipped");
        assertEquals('P', Ine.beaCheckLetter("0000000013"), "O is skipped");
        assertEquals('R', Ine.beaCheckLetter("0000000014"), "Q is skipped");
        assertEquals('Z', Ine.beaCheckLetter("0000000022"));
        assertThrows(IllegalArgumentException.class, () -> Ine.beaCheckLetter("123456789"));
    }

    @Test
    void eachKindHasItsSlugAndMessageKeys() {
        assertEquals(Optional.of(IdentifierKind.STAFF_NUMBER), IdentifierKind.fromSlug("staff"));
        assertEquals(Optional.empty(), IdentifierKind.fromSlug("nir"));
        assertEquals("identification.kind.ine.label", IdentifierKind.INE.labelKey());
        assertEquals("identification.kind.student.help", IdentifierKind.STUDENT_NUMBER.helpKey());
        assertEquals("identification.kind.uid.placeholder", IdentifierKind.UID.placeholderKey());
        assertEquals("identification.error.ineFormat", IdentifierKind.INE.formatErrorKey());
    }
}
