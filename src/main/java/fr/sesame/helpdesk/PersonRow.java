package fr.sesame.helpdesk;

import fr.sesame.selfcare.Affiliation;
import java.io.Serializable;
import java.util.List;

/** One line of the search results: enough to tell people apart and open the right record. */
public record PersonRow(String uid, String name, String login, List<Affiliation> affiliations) implements Serializable {

    private static final long serialVersionUID = 1L;
}
