package fr.sesame.audit;

import fr.sesame.directory.PeopleDirectory;
import fr.sesame.directory.PeopleDirectory.KeptEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What helpdesk agents did to people's accounts, for the {@code helpdesk-admin} view: read back from the events
 * kept on people's entries, found by a substring search on them ({@code "by":"helpdesk"}, and the agent's login
 * when one is asked for). Each entry keeps only its {@link AuditTrail#KEPT_PER_ACCOUNT} newest events, so this is
 * a view of recent work; the JSON audit log is the long-term store.
 */
@ApplicationScoped
public class AgentActions {

    /** Actions per page. */
    public static final int PAGE_SIZE = 25;
    /** The most people whose events one query reads; beyond, the admin must narrow it (an agent) or read the log. */
    public static final int MAX_PEOPLE = 500;

    /**
     * Which actions to list.
     *
     * @param agent the agent's login, exactly; empty: every agent
     * @param from the earliest time, inclusive; empty: no bound
     * @param until the latest time, exclusive; empty: no bound
     */
    public record Query(Optional<String> agent, Optional<Instant> from, Optional<Instant> until) {

        public Query {
            agent = agent.map(String::strip).filter(login -> !login.isEmpty());
        }

        public static Query all() {
            return new Query(Optional.empty(), Optional.empty(), Optional.empty());
        }

        boolean matches(AuditRecord record) {
            return record.madeByAgent()
                    && agent.map(record.actor()::equals).orElse(true)
                    && from.map(start -> !record.at().isBefore(start)).orElse(true)
                    && until.map(end -> record.at().isBefore(end)).orElse(true);
        }
    }

    /**
     * One page of actions, newest first.
     *
     * @param number the page's number, from 1
     * @param pages how many pages there are (at least 1)
     * @param total how many actions matched
     * @param incomplete whether more people had matching events than one query reads ({@link #MAX_PEOPLE})
     */
    public record Page(List<AuditRecord> actions, int number, int pages, int total, boolean incomplete) {

        public Page {
            actions = List.copyOf(actions);
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    private PeopleDirectory people;

    /** For CDI's proxy only. */
    protected AgentActions() {}

    @Inject
    public AgentActions(PeopleDirectory people) {
        this.people = people;
    }

    /** The page {@code number} (from 1; out of range: the nearest page) of the actions the query asks for. */
    public Page find(Query query, int number) {
        List<String> marks = new ArrayList<>(List.of(AuditRecord.agentMark()));
        query.agent().map(AuditRecord::actorMark).ifPresent(marks::add);
        KeptEvents kept = people.keptEventsContaining(marks, MAX_PEOPLE);
        List<AuditRecord> actions = kept.values().stream()
                .map(AuditRecord::fromJson)
                .flatMap(Optional::stream)
                .filter(query::matches)
                .sorted(Comparator.comparing(AuditRecord::at).reversed().thenComparing(AuditRecord::id))
                .toList();
        int pages = Math.max(1, (actions.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, number), pages);
        int first = (page - 1) * PAGE_SIZE;
        return new Page(actions.subList(first, Math.min(actions.size(), first + PAGE_SIZE)), page, pages,
                actions.size(), kept.more());
    }
}
