package fr.sesame.directory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers as people type them ("06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678") turned into
 * the international form the directory keeps ({@code +33612345678}). French numbers must be mobile ones
 * (06, 07); foreign numbers are taken in international form only.
 */
public final class MobileNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern FRENCH_MOBILE = Pattern.compile("0[67][0-9]{8}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private MobileNumbers() {}

    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (FRENCH_MOBILE.matcher(digits).matches()) {
            return Optional.of("+33" + digits.substring(1));
        }
        if (digits.startsWith("+33")) {
            String national = "0" + digits.substring(3);
            return FRENCH_MOBILE.matcher(national).matches() ? Optional.of(digits) : Optional.empty();
        }
        return INTERNATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
