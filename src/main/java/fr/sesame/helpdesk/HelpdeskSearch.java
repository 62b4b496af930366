package fr.sesame.helpdesk;

import fr.sesame.helpdesk.HelpdeskService.SearchOutcome;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The console's search page: the agent types the first letters of a name, or an identifier, and picks the person
 * from the results. The search is a GET ({@code ?q=}), so the browser's back button returns to the results.
 */
@Named
@ViewScoped
public class HelpdeskSearch implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HelpdeskService helpdesk;

    @Inject
    HelpdeskAgent agent;

    private String q;
    private SearchOutcome outcome;

    /** Runs the search the URL asks for, if any. */
    public void search() {
        if (agent.login().isEmpty()) {
            agent.refuse();
            return;
        }
        outcome = q == null || q.isBlank() ? null : helpdesk.search(q);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public boolean isSearched() {
        return outcome != null;
    }

    public boolean isTooShort() {
        return outcome instanceof SearchOutcome.TooShort;
    }

    public List<PersonRow> getPeople() {
        return outcome instanceof SearchOutcome.Found found ? found.people() : List.of();
    }

    public boolean isMore() {
        return outcome instanceof SearchOutcome.Found found && found.more();
    }

    public int getLimit() {
        return HelpdeskService.SEARCH_LIMIT;
    }

    public int getMinLength() {
        return HelpdeskService.SEARCH_MIN_LENGTH;
    }
}
