package fr.sesame.helpdesk;

import fr.sesame.audit.AgentActions;
import fr.sesame.audit.AgentActions.Page;
import fr.sesame.audit.AgentActions.Query;
import fr.sesame.audit.AuditRecord;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code helpdesk-admin} view of every agent's actions ({@code helpdesk/audit.xhtml?agent=&from=&to=&page=}),
 * newest first, filtered by agent and period, paged. A GET page, so that each filter and page is a link. Needs the
 * {@code helpdesk-admin} role, checked here on top of the constraint in {@code web.xml}.
 */
@Named
@RequestScoped
public class HelpdeskAudit {

    @Inject
    AgentActions actions;

    @Inject
    HelpdeskAgent agent;

    private String agentLogin;
    private String from;
    private String to;
    private String page;
    private boolean fromInvalid;
    private boolean toInvalid;
    private Page result;

    /** Reads the page the URL asks for, once the role is checked and the dates make sense. */
    public void load() {
        if (!agent.admin()) {
            agent.refuse();
            return;
        }
        fromInvalid = !readable(from);
        toInvalid = !readable(to);
        if (fromInvalid || toInvalid) {
            PageMessages.error("helpdesk.audit.dateInvalid");
            return;
        }
        Optional<LocalDate> start = date(from);
        Optional<LocalDate> end = date(to);
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            fromInvalid = toInvalid = true;
            PageMessages.error("helpdesk.audit.periodInvalid");
            return;
        }
        Query query = new Query(Optional.ofNullable(agentLogin),
                start.map(day -> day.atStartOfDay(Times.ZONE).toInstant()),
                end.map(day -> day.plusDays(1).atStartOfDay(Times.ZONE).toInstant()));
        result = actions.find(query, number(page));
    }

    /** A day as an {@code <input type="date">} sends it ({@code 2026-09-01}); empty when none was given. */
    private static Optional<LocalDate> date(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
    }

    private static boolean readable(String text) {
        try {
            date(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static int number(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A date and time as the admin reads it, in the portal's time zone. */
    public String dateTime(Instant instant) {
        return Times.dateTime(instant, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public boolean isListed() {
        return result != null;
    }

    public List<AuditRecord> getActions() {
        return result == null ? List.of() : result.actions();
    }

    public Page getResult() {
        return result;
    }

    public int getPageSize() {
        return AgentActions.PAGE_SIZE;
    }

    public int getMaxPeople() {
        return AgentActions.MAX_PEOPLE;
    }

    public String getAgent() {
        return agentLogin;
    }

    public void setAgent(String agent) {
        this.agentLogin = agent;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public boolean isFromInvalid() {
        return fromInvalid;
    }

    public boolean isToInvalid() {
        return toInvalid;
    }
}
