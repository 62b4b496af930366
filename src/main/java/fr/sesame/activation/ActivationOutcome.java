package fr.sesame.activation;

import fr.sesame.password.PasswordProblem;
import java.util.List;

/** What became of an activation. */
public sealed interface ActivationOutcome {

    /** Everything was written in one modify; {@code mailSent} says whether the confirmation mail left. */
    record Activated(boolean mailSent) implements ActivationOutcome {}

    /** The account was already active (perhaps activated meanwhile in another tab): nothing was written. */
    record AlreadyActive() implements ActivationOutcome {}

    /** The directory says the account may not be used, or self-service is disabled: nothing was written. */
    record NotAllowed() implements ActivationOutcome {}

    /** The password breaks the policy: nothing was written. */
    record PasswordRefused(List<PasswordProblem> problems) implements ActivationOutcome {}
}
