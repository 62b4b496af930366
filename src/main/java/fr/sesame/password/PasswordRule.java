package fr.sesame.password;

import java.util.Locale;

/**
 * Each rule a new password must satisfy, in the order the checklist shows them (so sorting violations by
 * their natural order puts them in that order). Each has a message {@code password.rule.<key>} phrased as
 * a requirement ("Au moins {0} caractères"); {@link PasswordPolicy#describe} gives its parameter.
 */
public enum PasswordRule {
    TOO_SHORT(true),
    TOO_LONG(true),
    NO_LOWERCASE(true),
    NO_UPPERCASE(true),
    NO_DIGIT(true),
    NO_SPECIAL(true),
    /** Any Unicode space (tab, non-breaking space…) and any invisible character (controls, zero-width…). */
    WHITESPACE(true),
    CONTAINS_LOGIN(true),
    /** Checked by {@link PasswordHistory}, not by {@link PasswordPolicy}: it costs slow hashes. */
    REUSED(false),
    /** Judged by {@link PasswordStrength} (nbvcxz) on the server; the page only shows an estimate. */
    TOO_COMMON(false),
    CONFIRMATION_MISMATCH(true);

    private final boolean checkedInBrowser;

    PasswordRule(boolean checkedInBrowser) {
        this.checkedInBrowser = checkedInBrowser;
    }

    /** {@code too-short}, {@code contains-login}…: the end of the message key and the page's {@code data-rule}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "password.rule." + key();
    }

    /** Whether the page's script can tell, as the person types, if the rule is met. */
    public boolean checkedInBrowser() {
        return checkedInBrowser;
    }
}
