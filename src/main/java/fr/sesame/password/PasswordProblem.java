package fr.sesame.password;

/**
 * One reason a new password is refused, ready to be shown: the rule's message key and its number
 * (e.g. the minimum length), if it has one.
 */
public record PasswordProblem(PasswordRule rule, Object parameter) {

    public String messageKey() {
        return rule.messageKey();
    }
}
