package fr.sesame.recovery;

import fr.sesame.password.PasswordProblem;
import java.util.List;

/** What became of a password reset. */
public sealed interface RecoveryOutcome {

    /** The new password is written; {@code mailSent} says whether the notification left. */
    record PasswordChanged(boolean mailSent) implements RecoveryOutcome {}

    /** The password breaks the policy: nothing was written. */
    record PasswordRefused(List<PasswordProblem> problems) implements RecoveryOutcome {}

    /** Self-service is not (or no longer) open to this account: nothing was written. */
    record NotAllowed() implements RecoveryOutcome {}

    /** The reset link has expired, was used, or never was one: nothing was written. */
    record LinkNotValid() implements RecoveryOutcome {}
}
