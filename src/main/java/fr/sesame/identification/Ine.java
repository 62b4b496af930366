package fr.sesame.identification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The French national student identifier (INE, <i>identifiant national élève/étudiant</i>): 11 characters in
 * one of four forms, depending on which system issued it.
 *
 * <p>The forms are those that public-sector code checks before querying the student registers (the
 * {@code Individual::ValidateINE} interactor of the API Particulier code base; the same four regular
 * expressions are used by betagouv services that take an INE):
 * <ul>
 *   <li>{@link Form#RNIE} (national register, INES, since 2018): 9 digits and 2 letters among A–H, J, K;</li>
 *   <li>{@link Form#BEA} (<i>base élèves académique</i>): 10 digits and a check letter, never I, O or Q;</li>
 *   <li>{@link Form#BASE36} (issued by universities): 10 digits or letters, then a digit;</li>
 *   <li>{@link Form#SIFA} (apprentices): 4 digits, the letter A, 5 digits and a letter, never I, O or Q.</li>
 * </ul>
 *
 * <p>Only the BEA form's check letter is verified. Its rule — the ten digits {@code AABBNNNNNN} (academy,
 * year, number) modulo 23, as a letter of the alphabet without I, O and Q — is given in BohwaZ's public-domain
 * {@code check_ine} (gist {@code bohwaz/e14df1e88e9e06aa3857e8b6f1181bf9}, 2018: "M = modulo 23", "lettres I,
 * O et Q" excluded) and is the same key as the ministry's UAI school codes (7 digits modulo 23 over
 * {@code ABCDEFGHJKLMNPRSTUVWXYZ}). No published definition of a check for the RNIE, base-36 or SIFA forms was
 * found, so for them only the form is checked. The check can be switched off in {@link IdentifierFormats}.
 */
public final class Ine {

    /** The BEA check letters, indexed by the remainder modulo 23: the alphabet without I, O and Q. */
    static final String BEA_CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /** The four forms, tried in this order (they cannot overlap). */
    public enum Form {
        RNIE("[0-9]{9}[A-HJK]{2}"),
        BEA("[0-9]{10}[A-HJ-NPR-Z]"),
        BASE36("[0-9A-Z]{10}[0-9]"),
        SIFA("[0-9]{4}A[0-9]{5}[A-HJ-NPR-Z]");

        private final Pattern pattern;

        Form(String regex) {
            this.pattern = Pattern.compile(regex);
        }

        /** The form's regular expression, over the upper-cased value. */
        public String regex() {
            return pattern.pattern();
        }

        boolean matches(String value) {
            return pattern.matcher(value).matches();
        }
    }

    /** Every form, as one regular expression: the default INE pattern. */
    public static final String ANY_FORM =
            String.join("|", Arrays.stream(Form.values()).map(Form::regex).toArray(String[]::new));

    private Ine() {}

    /** The value as compared: without surrounding spaces, in upper case. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** The form of a normalised value, if it has one. */
    public static Optional<Form> formOf(String normalised) {
        return Arrays.stream(Form.values()).filter(form -> form.matches(normalised)).findFirst();
    }

    /**
     * Whether a normalised value's check character is right. A value of a form without a known check passes;
     * a value of no form fails.
     */
    public static boolean checkCharacterMatches(String normalised) {
        Optional<Form> form = formOf(normalised);
        if (form.isEmpty()) {
            return false;
        }
        return form.get() != Form.BEA || normalised.charAt(10) == beaCheckLetter(normalised.substring(0, 10));
    }

    /** The check letter of a BEA INE's ten digits. */
    public static char beaCheckLetter(String tenDigits) {
        if (tenDigits.length() != 10 || !tenDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A BEA INE starts with exactly ten digits");
        }
        return BEA_CHECK_LETTERS.charAt((int) (Long.parseLong(tenDigits) % BEA_CHECK_LETTERS.length()));
    }
}
