package fr.sesame.helpdesk;

import fr.sesame.password.TemporaryPasswords.TemporaryPassword;

/** What became of one action an agent asked for on a record. Every outcome but {@link Done} and the two below wrote nothing. */
public sealed interface HelpdeskOutcome {

    /** Written in one modify, audited. */
    record Done() implements HelpdeskOutcome {}

    /** The reset link was stored and audited; {@code mailSent} says whether the SMTP server took the mail. */
    record ResetLinkSent(boolean mailSent) implements HelpdeskOutcome {}

    /** The temporary password was written and audited: show it once to the agent, keep it nowhere. */
    record TemporaryPasswordIssued(TemporaryPassword password) implements HelpdeskOutcome {
        @Override
        public String toString() {
            return "TemporaryPasswordIssued[" + password + "]";
        }
    }

    /** The account already was so. */
    record Unchanged() implements HelpdeskOutcome {}

    /** The alias is not made of 3 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit. */
    record AliasInvalid() implements HelpdeskOutcome {}

    /** Another account has this alias or this login. */
    record AliasTaken() implements HelpdeskOutcome {}

    /** What was typed is not one email address. */
    record NotAnEmail() implements HelpdeskOutcome {}

    /**
     * A reset link or a temporary password cannot be given to this account: closed in the directory, self-service
     * disabled, never activated, or (for a link) no personal address.
     */
    record NotAllowed() implements HelpdeskOutcome {}

    /** No mobile number on file, or none that is a mobile number: no SMS was sent. */
    record NoMobile() implements HelpdeskOutcome {}

    /** The SMS gateway did not take the message: nothing was written, an earlier link still works. */
    record SmsNotSent() implements HelpdeskOutcome {}

    /** No SMS gateway is configured ({@code sesame.sms.gateway=none}). */
    record SmsUnavailable() implements HelpdeskOutcome {}

    /** The account changed between the agent's read and the write: nothing was written, read it again. */
    record ChangedMeanwhile() implements HelpdeskOutcome {}

    /** The account no longer exists. */
    record Gone() implements HelpdeskOutcome {}
}
