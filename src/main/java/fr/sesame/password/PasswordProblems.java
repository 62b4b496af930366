package fr.sesame.password;

import fr.sesame.web.PageMessages;
import java.util.List;

/** Shows why a new password was refused: one translated message per broken rule, tied to the field. */
public final class PasswordProblems {

    private PasswordProblems() {}

    public static void show(List<PasswordProblem> problems, String fieldClientId) {
        for (PasswordProblem problem : problems) {
            String rule = problem.parameter() == null
                    ? PageMessages.text(problem.messageKey())
                    : PageMessages.text(problem.messageKey(), problem.parameter());
            PageMessages.errorFor(fieldClientId, "password.violation", rule);
        }
    }
}
