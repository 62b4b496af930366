package fr.sesame.password;

import java.io.Serializable;

/**
 * What a person types on every page that sets a password: the new password, its confirmation and, where
 * asked, the acceptance of the charter. The password is never shown back, and is forgotten once taken.
 */
public class NewPasswordForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The two entries, as typed. */
    public record Typed(String password, String confirmation) {

        @Override
        public String toString() {
            return "Typed[…]";
        }
    }

    private String password;
    private String confirmation;
    private boolean charterAccepted;

    /** Hands over what was typed and forgets it. */
    public Typed take() {
        Typed typed = new Typed(password, confirmation);
        password = null;
        confirmation = null;
        return typed;
    }

    /** Never redisplayed. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Never redisplayed. */
    public String getConfirmation() {
        return null;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public boolean isCharterAccepted() {
        return charterAccepted;
    }

    public void setCharterAccepted(boolean charterAccepted) {
        this.charterAccepted = charterAccepted;
    }
}
