package fr.sesame.token;

import fr.sesame.password.PasswordChange;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a token proves, written first in its stored value ({@code <key>$<expiry>$<hash>}): a token of one purpose
 * never works for another, and a new token of a purpose replaces the account's earlier one.
 */
public enum TokenPurpose {

    /**
     * A mailed reset link. It dies with any password change, whatever the flow ({@link PasswordChange#addTo}
     * removes every value of this purpose), the change that uses it included.
     */
    RESET(PasswordChange.RESET_TOKEN_PURPOSE, true),
    /** The confirmation of a new personal address, mailed to that address. */
    EMAIL("email", false);

    private final String key;
    private final boolean endedByPasswordChange;

    TokenPurpose(String key, boolean endedByPasswordChange) {
        this.key = key;
        this.endedByPasswordChange = endedByPasswordChange;
    }

    /** The purpose as stored, e.g. {@code reset}. */
    public String key() {
        return key;
    }

    /** Whether {@link PasswordChange#addTo} already removes this purpose's values. */
    public boolean endedByPasswordChange() {
        return endedByPasswordChange;
    }

    static Optional<TokenPurpose> fromKey(String key) {
        return Arrays.stream(values()).filter(purpose -> purpose.key.equals(key)).findFirst();
    }
}
