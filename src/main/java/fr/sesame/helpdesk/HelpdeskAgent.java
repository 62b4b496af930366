package fr.sesame.helpdesk;

import fr.sesame.signin.SignedInPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The agent behind the current request, checked on the server for every page and action of the console, on top
 * of the {@code /helpdesk/*} constraint in {@code web.xml}: a view kept from before a role was withdrawn must not
 * act.
 */
@RequestScoped
public class HelpdeskAgent {

    /** The role every page and action of the console needs. */
    public static final String ROLE = "helpdesk";
    /** The role that may read every agent's actions ({@code helpdesk/audit.xhtml}). */
    public static final String ADMIN_ROLE = "helpdesk-admin";

    @Inject
    SignedInPerson person;

    /** The agent's login, for the audit trail; empty unless the caller is signed in with the helpdesk role. */
    public Optional<String> login() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (!external.isUserInRole(ROLE)) {
            return Optional.empty();
        }
        return Optional.ofNullable(person.getLogin()).or(() -> Optional.ofNullable(external.getRemoteUser()));
    }

    /** Whether the caller may read every agent's actions. */
    public boolean admin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(ADMIN_ROLE);
    }

    /** Answers 403 and ends the request: the caller is not (or no longer) an agent. */
    public void refuse() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(403, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
