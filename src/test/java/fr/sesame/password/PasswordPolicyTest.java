package fr.sesame.password;

import static fr.sesame.password.PasswordRule.CONFIRMATION_MISMATCH;
import static fr.sesame.password.PasswordRule.CONTAINS_LOGIN;
import static fr.sesame.password.PasswordRule.NO_DIGIT;
import static fr.sesame.password.PasswordRule.NO_LOWERCASE;
import static fr.sesame.password.PasswordRule.NO_SPECIAL;
import static fr.sesame.password.PasswordRule.NO_UPPERCASE;
import static fr.sesame.password.PasswordRule.TOO_COMMON;
import static fr.sesame.password.PasswordRule.TOO_LONG;
import static fr.sesame.password.PasswordRule.TOO_SHORT;
import static fr.sesame.password.PasswordRule.WHITESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    /** Twelve characters, all four kinds, no word: breaks nothing, and each test below breaks one thing in it. */
    private static final String STRONG = "Gx7#kq2!Lm4z";

    private final PasswordPolicy policy = new PasswordPolicy(PasswordPolicySettings.defaults());

    private List<PasswordRule> violations(String password) {
        return policy.violations(bruno(password));
    }

    private static PasswordCandidate bruno(String password) {
        return new PasswordCandidate(password, password, "bruno.petit", "Bruno", "Petit", LocalDate.of(2003, 11, 2));
    }

    private static PasswordPolicy withoutStrengthRule() {
        PasswordPolicySettings d = PasswordPolicySettings.defaults();
        return new PasswordPolicy(new PasswordPolicySettings(d.minLength(), d.maxLength(), true, true, true, true,
                d.specials(), d.historySize(), 0, d.institutionWords()));
    }

    @Test
    void aStrongPasswordBreaksNoRule() {
        assertEquals(List.of(), violations(STRONG));
    }

    @Test
    void theDemoPasswordIsAccepted() {
        assertEquals(List.of(), violations("Rentree-2026!"));
    }

    @ParameterizedTest
    @MethodSource("demoPeople")
    void theDemoPasswordIsAcceptedForEveryDemoPerson(String login, String givenName, String surname, LocalDate birthDate) {
        PasswordCandidate candidate = new PasswordCandidate("Rentree-2026!", "Rentree-2026!", login, givenName, surname, birthDate);

        assertEquals(List.of(), policy.violations(candidate));
    }

    static Stream<Arguments> demoPeople() {
        return Stream.of(
                Arguments.of("alice.martin", "Alice", "Martin", LocalDate.of(2004, 3, 15)),
                Arguments.of("bruno.petit", "Bruno", "Petit", LocalDate.of(2003, 11, 2)),
                Arguments.of("chloe.durand", "Chloé", "Durand", LocalDate.of(1985, 7, 21)),
                Arguments.of("david.leroy", "David", "Leroy", LocalDate.of(1990, 1, 30)),
                Arguments.of("emma.bernard", "Emma", "Bernard", LocalDate.of(2002, 6, 9)),
                Arguments.of("hugo.support", "Hugo", "Support", LocalDate.of(1988, 2, 14)));
    }

    @Test
    void elevenCharactersAreTooShortTwelveAreEnough() {
        assertEquals(List.of(TOO_SHORT), violations("Gx7#kq2!Lm4"));
        assertEquals(List.of(), violations("Gx7#kq2!Lm4z"));
    }

    @Test
    void thirtyCharactersAreAcceptedThirtyOneAreTooLong() {
        String thirty = "Gx7#kq2!Lm4zPw9$Rt5%Yb3&Nc8*Vd";
        assertEquals(30, thirty.length());

        assertEquals(List.of(), violations(thirty));
        assertEquals(List.of(TOO_LONG), violations(thirty + "e"));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String elevenWithEmoji = "Gx7#kq2!Lm\uD83D\uDE00";
        assertEquals(12, elevenWithEmoji.length());

        assertEquals(List.of(TOO_SHORT), withoutStrengthRule().violations(bruno(elevenWithEmoji)));
    }

    @Test
    void aLowerCaseLetterIsRequired() {
        assertEquals(List.of(NO_LOWERCASE), violations("GX7#KQ2!LM4Z"));
    }

    @Test
    void anUpperCaseLetterIsRequired() {
        assertEquals(List.of(NO_UPPERCASE), violations("gx7#kq2!lm4z"));
    }

    @Test
    void aDigitIsRequired() {
        assertEquals(List.of(NO_DIGIT), violations("Gxw#kqv!Lmhz"));
    }

    @Test
    void aSpecialCharacterIsRequired() {
        assertEquals(List.of(NO_SPECIAL), violations("Gx7wkq2vLm4z"));
    }

    @ParameterizedTest
    @MethodSource("publishedSpecials")
    void eachPublishedSpecialCharacterCounts(String special) {
        assertEquals(List.of(), violations("Gx7wkq2vLm4z" + special));
    }

    static Stream<String> publishedSpecials() {
        return PasswordPolicySettings.DEFAULT_SPECIALS.codePoints().mapToObj(Character::toString);
    }

    @Test
    void thePublishedListHasTheThirtyCharactersOfTheRules() {
        assertEquals(30, PasswordPolicySettings.DEFAULT_SPECIALS.length());
        assertEquals("! \" # $ % & ( ) * + , - . / : ; < = > ? @ [ ] ^ _ ` { | } ~",
                PasswordPolicySettings.defaults().specialsForDisplay());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "\\", "€", "§", "é"})
    void otherPrintableCharactersAreAllowedButAreNotSpecial(String other) {
        assertEquals(List.of(NO_SPECIAL), violations("Gx7wkq2vLm4z" + other));
        assertEquals(List.of(), violations("Gx7wkq2vLm4z" + other + "!"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t", "\n", "\u00A0", "\u202F", "\u2003", "\u3000", "\u200B", "\u2060", "\uFEFF", "\u0007"})
    void spacesAndInvisibleCharactersAreRefused(String blank) {
        assertEquals(List.of(WHITESPACE), violations("Gx7#kq2" + blank + "Lm4zP"));
    }

    @Test
    void accentedLettersAndEszettAreLowerCase() {
        assertEquals(List.of(), violations("GX7#KQ2!LM4é"));
        assertEquals(List.of(), violations("GX7#KQ2!LM4ß"));
    }

    @Test
    void accentedCapitalsAreUpperCase() {
        assertEquals(List.of(), violations("gx7#kq2!lm4É"));
    }

    @Test
    void cyrillicLettersCountByTheirCase() {
        assertEquals(List.of(NO_LOWERCASE), violations("ЖД7#КЩ2!ЛМ4Ф"));
        assertEquals(List.of(NO_UPPERCASE), violations("жд7#кщ2!лм4ф"));
        assertEquals(List.of(), violations("Жд7#кщ2!лм4ф"));
    }

    @Test
    void lettersWithoutCaseAreAllowedButAreNeitherLowerNorUpper() {
        assertEquals(List.of(NO_LOWERCASE, NO_UPPERCASE), violations("水7#火2!木4金土日月"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bruno.petit", "BRUNO.PETIT", "Bruno.Petit", "bRuNo.PeTiT", "BrunoPetit", "bruno_petit",
            "Bruno-Petit", "Brünö.Pétit"})
    void theLoginIsRefusedWhateverItsCaseAccentsOrSeparators(String written) {
        assertEquals(List.of(CONTAINS_LOGIN), withoutStrengthRule().violations(bruno("Xy7#" + written + "!")));
    }

    @Test
    void aPartOfTheLoginIsNotTheLogin() {
        assertFalse(withoutStrengthRule().violations(bruno("Petit-Gx7#kq2!")).contains(CONTAINS_LOGIN));
    }

    @Test
    void aLoginOfOneOrTwoCharactersIsOnlyRefusedWhole() {
        PasswordPolicy lenient = withoutStrengthRule();

        assertEquals(List.of(), lenient.violations(PasswordCandidate.of("Abricot-2026!", "Abricot-2026!", "a.b")));
        assertEquals(List.of(CONTAINS_LOGIN), lenient.violations(PasswordCandidate.of("Xa.b-2026!Kq", "Xa.b-2026!Kq", "a.b")));
    }

    @Test
    void anUnknownLoginIsNotChecked() {
        assertEquals(List.of(), policy.violations(PasswordCandidate.of(STRONG, STRONG, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123!", "Azerty123456!", "Qwerty123456!", "Sesame2026!!", "Universite2026!",
            "Université2026!", "Motdepasse2026!", "Marseille2026!", "P@ssw0rd2026!", "Abcdef123456!", "Zz9!Zz9!Zz9!Zz9!"})
    void commonAndEasilyGuessedPasswordsAreRefused(String common) {
        assertEquals(List.of(TOO_COMMON), violations(common));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Petit-Bruno-2003", "Bruno2003!Xyz", "02112003-Petit!"})
    void thePersonsNamesAndBirthDateCountForNothing(String personal) {
        assertEquals(List.of(TOO_COMMON), violations(personal));
    }

    @Test
    void theSamePasswordIsAcceptedForSomeoneElse() {
        PasswordCandidate alice = new PasswordCandidate("Petit-Bruno-2003", "Petit-Bruno-2003", "alice.martin",
                "Alice", "Martin", LocalDate.of(2004, 3, 15));

        assertEquals(List.of(), policy.violations(alice));
    }

    @Test
    void aLongPassphraseOrARandomPasswordIsAccepted() {
        assertEquals(List.of(), violations("Tr0ub4dor&3xyz"));
        assertEquals(List.of(), violations("Hibou-Caillou-7!"));
    }

    @Test
    void strengthIsNotEstimatedOutsideTheLengthBounds() {
        assertEquals(List.of(TOO_LONG), violations("Password123!Password123!Password123!"));
        assertEquals(List.of(TOO_SHORT), violations("Password1!"));
    }

    @Test
    void theConfirmationMustBeIdentical() {
        assertEquals(List.of(CONFIRMATION_MISMATCH), policy.violations(PasswordCandidate.of(STRONG, "Gx7#kq2!Lm4Z", "bruno.petit")));
        assertEquals(List.of(CONFIRMATION_MISMATCH), policy.violations(PasswordCandidate.of(STRONG, STRONG + " ", "bruno.petit")));
        assertEquals(List.of(CONFIRMATION_MISMATCH), policy.violations(PasswordCandidate.of(STRONG, null, "bruno.petit")));
    }

    @Test
    void violationsComeInChecklistOrder() {
        List<PasswordRule> found = policy.violations(PasswordCandidate.of("abc bruno", "other", "bruno"));

        assertEquals(List.of(TOO_SHORT, NO_UPPERCASE, NO_DIGIT, NO_SPECIAL, WHITESPACE, CONTAINS_LOGIN, CONFIRMATION_MISMATCH),
                found);
    }

    @Test
    void anEmptyPasswordBreaksTheCharacterRulesButNotTheOthers() {
        assertEquals(List.of(TOO_SHORT, NO_LOWERCASE, NO_UPPERCASE, NO_DIGIT, NO_SPECIAL),
                policy.violations(PasswordCandidate.of(null, "", "bruno.petit")));
    }

    @Test
    void theChecklistListsEveryRuleInOrderWithItsParameter() {
        List<PasswordPolicy.ChecklistItem> checklist = policy.checklist();

        assertEquals(Arrays.asList(PasswordRule.values()), checklist.stream().map(PasswordPolicy.ChecklistItem::rule).toList());
        assertEquals(Arrays.asList(12, 30, null, null, null, "! \" # $ % & ( ) * + , - . / : ; < = > ? @ [ ] ^ _ ` { | } ~",
                null, null, 3, null, null), checklist.stream().map(PasswordPolicy.ChecklistItem::parameter).toList());
        assertEquals("password.rule.too-short", checklist.get(0).messageKey());
        assertEquals("confirmation-mismatch", checklist.get(checklist.size() - 1).key());
    }

    @Test
    void rulesThatAreTurnedOffAreNeitherCheckedNorListed() {
        PasswordPolicy relaxed = new PasswordPolicy(new PasswordPolicySettings(8, 64, false, false, false, false, "",
                0, 0, List.of()));

        assertEquals(List.of(), relaxed.violations(PasswordCandidate.of("password", "password", "bruno.petit")));
        assertEquals(List.of(TOO_SHORT, TOO_LONG, WHITESPACE, CONTAINS_LOGIN, CONFIRMATION_MISMATCH),
                relaxed.checklist().stream().map(PasswordPolicy.ChecklistItem::rule).toList());
    }

    @Test
    void onlyRulesTheBrowserCannotJudgeAreLeftToTheServer() {
        assertEquals(List.of(PasswordRule.REUSED, TOO_COMMON),
                Arrays.stream(PasswordRule.values()).filter(rule -> !rule.checkedInBrowser()).toList());
    }

    @Test
    void inconsistentSettingsAreRefused() {
        String specials = PasswordPolicySettings.DEFAULT_SPECIALS;
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicySettings(0, 30, true, true, true, true, specials, 3, 35, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicySettings(12, 11, true, true, true, true, specials, 3, 35, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicySettings(12, 30, true, true, true, true, specials, -1, 35, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicySettings(12, 30, true, true, true, true, specials, 3, -1, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicySettings(12, 30, true, true, true, true, "", 3, 35, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordPolicySettings(12, 30, true, true, true, true, "! ?", 3, 35, List.of()));
    }

    @Test
    void aCandidateNeverShowsItsPassword() {
        String shown = bruno("Gx7#kq2!Lm4z").toString();

        assertFalse(shown.contains("Gx7#kq2!Lm4z"), shown);
        assertTrue(shown.contains("bruno.petit"), shown);
    }

    @Test
    void personalWordsAreTheLoginTheNamesAndTheBirthDateAsWritten() {
        PasswordCandidate chloe = new PasswordCandidate("x", "x", "chloe.durand", "Chloé", "Le Gall-Durand", LocalDate.of(1985, 7, 21));

        assertEquals(List.of("chloe.durand", "chloedurand", "chloe", "durand", "le gall-durand", "legalldurand", "gall",
                "1985", "21071985", "210785", "2107", "19850721", "0721"), List.copyOf(chloe.personalWords()));
    }
}
