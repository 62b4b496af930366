package fr.sesame.helpdesk;

import fr.sesame.password.TemporaryPasswords.TemporaryPassword;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The temporary password an agent has just issued on a record ({@link HelpdeskRecord}), kept for the one response
 * that shows it. Request-scoped, so the next request on that view (a postback refused, invalid or done, ajax or not)
 * no longer finds it, and it is never part of the view's or the session's state.
 */
@RequestScoped
public class IssuedTemporaryPassword {

    private TemporaryPassword issued;

    public void keep(TemporaryPassword issued) {
        this.issued = issued;
    }

    public Optional<TemporaryPassword> get() {
        return Optional.ofNullable(issued);
    }
}
