package fr.sesame.selfcare;

import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordProblem;
import java.time.Instant;
import java.util.List;

/** What became of one change asked on the account page. Every outcome but {@link Saved} wrote nothing. */
public sealed interface SettingsOutcome {

    /** Written in one modify; {@code mailSent} says whether the notice reached the SMTP server. */
    record Saved(boolean mailSent) implements SettingsOutcome {}

    /** The account already held exactly these choices. */
    record Unchanged() implements SettingsOutcome {}

    /** The current password typed to confirm the change is not the account's; the failure was counted. */
    record WrongPassword(int triesLeft) implements SettingsOutcome {}

    /** Too many wrong passwords: the account's self-service is suspended until then. */
    record Locked(Instant until) implements SettingsOutcome {}

    /** The new password breaks the policy or the history. */
    record PasswordRefused(List<PasswordProblem> problems) implements SettingsOutcome {}

    /** The new password is the answer to the account's joker question. */
    record PasswordIsJokerAnswer() implements SettingsOutcome {}

    /** No question, or one too short or too long. */
    record QuestionRefused() implements SettingsOutcome {}

    /** The joker answer may not be chosen. */
    record AnswerRefused(JokerAnswers.Problem problem) implements SettingsOutcome {}

    /** SMS alerts were accepted without a mobile number. */
    record MobileRequired() implements SettingsOutcome {}

    /** The mobile number is not one (see {@link fr.sesame.directory.MobileNumbers}). */
    record MobileInvalid() implements SettingsOutcome {}

    /** The directory closed the account, or self-service is disabled for it. */
    record NotAllowed() implements SettingsOutcome {}
}
