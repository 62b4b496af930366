package fr.sesame.helprequest;

import fr.sesame.directory.HelpRequestDirectory.StoredHelpRequest;
import fr.sesame.helprequest.HelpRequestService.Closing;
import fr.sesame.signin.SignedInPerson;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Requests;
import fr.sesame.web.Times;
import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The helpdesk's queue of open help requests: agents read them, look the person up in the console, and close
 * each with a note that is mailed to the requester. The page's URL is protected for the {@code helpdesk} role;
 * this bean checks the role again before reading or closing anything.
 */
@Named
@ViewScoped
public class HelpRequestQueue implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String ROLE = "helpdesk";

    @Inject
    HelpRequestService service;

    @Inject
    SignedInPerson agent;

    private List<StoredHelpRequest> requests = List.of();
    private final Map<String, String> notes = new HashMap<>();

    @PostConstruct
    void load() {
        if (refused()) {
            return;
        }
        requests = service.openRequests();
    }

    /**
     * Closes the request with the note typed in its row. The note is checked here rather than by a Faces
     * {@code required}, since the queue is one form and only the row whose button was pressed needs one.
     *
     * @param buttonClientId the pressed button's client id, to tie a missing note's message to its field
     */
    public void close(String id, String buttonClientId) {
        if (refused()) {
            return;
        }
        String note = notes.get(id);
        if (note == null || note.isBlank()) {
            String field = buttonClientId.substring(0, buttonClientId.lastIndexOf(':') + 1) + "note";
            if (FacesContext.getCurrentInstance().getViewRoot().findComponent(field) instanceof UIInput input) {
                input.setValid(false);
            }
            PageMessages.errorFor(field, "helpdesk.requests.note.required");
            return;
        }
        Closing closing = service.close(id, note, agent.getLogin(), Requests.clientAddress());
        switch (closing) {
            case CLOSED -> PageMessages.info("helpdesk.requests.closed", HelpRequestService.reference(id));
            case CLOSED_NOT_MAILED -> PageMessages.error("helpdesk.requests.closedNotMailed", HelpRequestService.reference(id));
            case ALREADY_CLOSED -> PageMessages.error("helpdesk.requests.alreadyClosed");
        }
        notes.remove(id);
        requests = service.openRequests();
    }

    /** Sends 403 to anyone without the helpdesk role, should the URL protection ever be loosened. */
    private static boolean refused() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (external.isUserInRole(ROLE)) {
            return false;
        }
        try {
            external.responseSendError(403, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return true;
    }

    public String submittedAt(Instant at) {
        return Times.dateTime(at, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String reference(String id) {
        return HelpRequestService.reference(id);
    }

    public int getMaxNoteLength() {
        return HelpRequestService.MAX_NOTE_LENGTH;
    }

    public List<StoredHelpRequest> getRequests() {
        return requests;
    }

    public Map<String, String> getNotes() {
        return notes;
    }
}
