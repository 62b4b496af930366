package fr.sesame.password;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one password policy of the portal: activation, forgotten password, reset by link and the account
 * page all ask it whether a new password may be set, and the pages show its {@link #checklist()}. It
 * checks everything except reuse, which {@link PasswordHistory} checks because it costs slow hashes; this
 * class never hashes. Immutable and thread-safe: build one and share it.
 *
 * <h2>Which characters</h2>
 * Any character that is neither a space nor invisible is allowed, so people may use accented letters,
 * {@code '}, {@code \} or {@code €}. Length is counted in Unicode code points (an emoji is one character).
 * <ul>
 * <li>lower-case and upper-case letters are those of any script: {@code é}, {@code ß} and {@code д} are
 *     lower-case, {@code É} and {@code Д} upper-case; letters without case (CJK) are neither;
 * <li>digits are decimal digits of any script;
 * <li>only the characters of {@link PasswordPolicySettings#specials()} count as special: the published
 *     list, which leaves out {@code '} and {@code \} — they are allowed, but do not satisfy the rule;
 * <li>{@link PasswordRule#WHITESPACE} refuses every Unicode space (space, tab, non-breaking space, line
 *     separators…) and every invisible character (controls, zero-width space and joiners, bidi marks),
 *     which a person could neither see nor retype on another keyboard.
 * </ul>
 *
 * <h2>Login</h2>
 * {@link PasswordRule#CONTAINS_LOGIN} refuses the whole login, ignoring case, accents and separators
 * ({@code BrunoPetit} and {@code bruno_petit} contain {@code bruno.petit}). Parts of the login (first name,
 * surname) are not refused outright: short parts are ordinary words ({@code petit}, {@code roy}, {@code eva})
 * and refusing them would surprise people and go beyond the published rule. They, the names and the birth
 * date count for nothing in the strength estimate instead, so a password made mostly of them is refused as
 * {@link PasswordRule#TOO_COMMON}.
 *
 * <h2>Too common</h2>
 * {@link PasswordStrength} must estimate at least {@link PasswordPolicySettings#minEntropyBits()} bits; the
 * default, 35, is nbvcxz's own default minimum (see {@link PasswordPolicySettings#DEFAULT_MIN_ENTROPY_BITS}).
 * It is only estimated when the length is within bounds, which bounds its cost.
 *
 * <p>{@code resources/sesame/js/password-checklist.js} mirrors the character, length and login rules for the
 * live checklist: change both together.
 */
public final class PasswordPolicy {

    /**
     * A rule as the page lists it: its message key and the one value its text takes as {@code {0}}
     * ({@code null} when it takes none). Accessors are called with parentheses in EL, e.g.
     * {@code #{item.messageKey()}}.
     */
    public record ChecklistItem(PasswordRule rule, Object parameter) {

        public String key() {
            return rule.key();
        }

        public String messageKey() {
            return rule.messageKey();
        }

        public boolean checkedInBrowser() {
            return rule.checkedInBrowser();
        }
    }

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final PasswordPolicySettings settings;
    private final PasswordStrength strength;

    /** A policy with its own strength estimator (which loads nbvcxz's dictionaries the first time in the JVM). */
    public PasswordPolicy(PasswordPolicySettings settings) {
        this(settings, new PasswordStrength(settings.institutionWords(), settings.maxLength()));
    }

    public PasswordPolicy(PasswordPolicySettings settings, PasswordStrength strength) {
        this.settings = settings;
        this.strength = strength;
    }

    public PasswordPolicySettings settings() {
        return settings;
    }

    /**
     * Every rule the candidate breaks, in checklist order; empty when it may be set as far as this policy
     * can tell ({@link PasswordHistory#reuses} must still be asked). Never hashes; the strength estimate
     * is skipped when the length is out of bounds.
     */
    public List<PasswordRule> violations(PasswordCandidate candidate) {
        String password = candidate.password();
        Set<PasswordRule> broken = EnumSet.noneOf(PasswordRule.class);
        int length = password.codePointCount(0, password.length());
        if (length < settings.minLength()) {
            broken.add(PasswordRule.TOO_SHORT);
        }
        if (length > settings.maxLength()) {
            broken.add(PasswordRule.TOO_LONG);
        }
        if (settings.requireLowercase() && password.codePoints().noneMatch(Character::isLowerCase)) {
            broken.add(PasswordRule.NO_LOWERCASE);
        }
        if (settings.requireUppercase() && password.codePoints().noneMatch(PasswordPolicy::isUpperCase)) {
            broken.add(PasswordRule.NO_UPPERCASE);
        }
        if (settings.requireDigit() && password.codePoints().noneMatch(Character::isDigit)) {
            broken.add(PasswordRule.NO_DIGIT);
        }
        if (settings.requireSpecial() && password.codePoints().noneMatch(c -> settings.specials().indexOf(c) >= 0)) {
            broken.add(PasswordRule.NO_SPECIAL);
        }
        if (password.codePoints().anyMatch(PasswordPolicy::isBlankOrInvisible)) {
            broken.add(PasswordRule.WHITESPACE);
        }
        if (containsLogin(password, candidate.login())) {
            broken.add(PasswordRule.CONTAINS_LOGIN);
        }
        if (settings.minEntropyBits() > 0
                && !broken.contains(PasswordRule.TOO_SHORT) && !broken.contains(PasswordRule.TOO_LONG)
                && strength.estimate(password, candidate.personalWords()).entropyBits() < settings.minEntropyBits()) {
            broken.add(PasswordRule.TOO_COMMON);
        }
        if (!password.equals(candidate.confirmation())) {
            broken.add(PasswordRule.CONFIRMATION_MISMATCH);
        }
        return List.copyOf(broken);
    }

    /**
     * The rules in the order the page lists them, with their parameters: the character rules only when
     * required, reuse only when a history is kept, "too common" only when a minimum entropy is set.
     */
    public List<ChecklistItem> checklist() {
        List<ChecklistItem> items = new ArrayList<>();
        for (PasswordRule rule : PasswordRule.values()) {
            if (applies(rule)) {
                items.add(describe(rule));
            }
        }
        return List.copyOf(items);
    }

    /** A rule with its parameter, e.g. to word the message for a violation. */
    public ChecklistItem describe(PasswordRule rule) {
        Object parameter = switch (rule) {
            case TOO_SHORT -> settings.minLength();
            case TOO_LONG -> settings.maxLength();
            case NO_SPECIAL -> settings.specialsForDisplay();
            case REUSED -> settings.historySize();
            default -> null;
        };
        return new ChecklistItem(rule, parameter);
    }

    private boolean applies(PasswordRule rule) {
        return switch (rule) {
            case NO_LOWERCASE -> settings.requireLowercase();
            case NO_UPPERCASE -> settings.requireUppercase();
            case NO_DIGIT -> settings.requireDigit();
            case NO_SPECIAL -> settings.requireSpecial();
            case REUSED -> settings.historySize() > 0;
            case TOO_COMMON -> settings.minEntropyBits() > 0;
            default -> true;
        };
    }

    private static boolean containsLogin(String password, String login) {
        String foldedLogin = fold(login);
        String compactLogin = NOT_LETTER_OR_DIGIT.matcher(foldedLogin).replaceAll("");
        if (foldedLogin.isEmpty()) {
            return false;
        }
        String foldedPassword = fold(password);
        // Without separators only from 3 characters on: the "ab" of a login "a.b" is in too many words.
        return foldedPassword.contains(foldedLogin)
                || (compactLogin.length() >= 3
                        && NOT_LETTER_OR_DIGIT.matcher(foldedPassword).replaceAll("").contains(compactLogin));
    }

    private static boolean isUpperCase(int codePoint) {
        return Character.isUpperCase(codePoint) || Character.isTitleCase(codePoint);
    }

    /** Spaces of every kind, and characters nobody can see: controls, format characters, lone surrogates. */
    static boolean isBlankOrInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE;
    }

    /**
     * For comparisons only, never for what is stored: {@link #unaccent}, then lower case regardless of the
     * server's locale.
     */
    static String fold(String text) {
        return unaccent(text).toLowerCase(Locale.ROOT);
    }

    /** Compatibility forms unified ({@code ｂ} → {@code b}) and accents stripped; case kept. */
    static String unaccent(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }
}
