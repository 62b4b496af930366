package fr.sesame.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.audit.AgentActions;
import fr.sesame.audit.AgentActions.Page;
import fr.sesame.audit.AgentActions.Query;
import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.PeopleDirectory.KeptEvents;
import fr.sesame.support.Binds;
import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each helpdesk action writes, checked on a directory: one modify that touches the action's attributes and
 * nothing else, with one audit event whose actor is the agent, marked as an agent's action; refusals write nothing.
 * Then the helpdesk-admin view reads those events back by a substring search on the kept events. Run on the
 * embedded directory ({@code HelpdeskWritesTest}) and on a real slapd loaded with {@code ldap-schema/}
 * ({@code HelpdeskWritesOnSlapdIT}), whose schema, index and access rules the search must get through.
 */
abstract class HelpdeskWrites {

    private static final String CLIENT = "192.0.2.20";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Attributes every modify changes by itself, or the audit trail adds to: never part of an action's change. */
    private static final Set<String> ALWAYS_CHANGING =
            Set.of("sesamesecurityevent", "modifytimestamp", "modifiersname", "entrycsn");

    /** The directory under test, chosen by the concrete class: opened before each test, closed after it. */
    @RegisterExtension
    final DirectoryUnderTest directory;

    /** An agent of this test only, since a slapd serves a whole class. */
    private final String agent = "agent." + RANDOM.nextInt(1_000_000_000);
    private HelpdeskService helpdesk;
    private AgentActions agentActions;

    HelpdeskWrites(DirectoryUnderTest directory) {
        this.directory = directory;
    }

    @BeforeEach
    void wireHelpdesk() {
        helpdesk = HelpdeskServices.on(directory.services());
        agentActions = new AgentActions(directory.services().people);
    }

    private Person person() {
        return TestPeople.activatedStudent(directory.admin());
    }

    @Test
    void anAliasIsWrittenAloneAndAuditedWithTheAgentAsActor() throws Exception {
        Person person = person();
        Map<String, Set<String>> before = entry(person);

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.changeAlias(person.dn(), " Camille.T" + person.uid(), agent, CLIENT));

        Map<String, Set<String>> after = entry(person);
        assertEquals(Set.of("camille.t" + person.uid()), after.get("sesamealias"));
        assertOnlyChanged(before, after, "sesameAlias");
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.ALIAS_CHANGED, event.event());
        assertEquals(agent, event.actor());
        assertEquals(person.login(), event.subject());
        assertEquals(CLIENT, event.clientAddress());
        assertEquals("camille.t" + person.uid(), event.details().get("alias"));
        assertTrue(event.madeByAgent());

        assertInstanceOf(HelpdeskOutcome.Unchanged.class, helpdesk.changeAlias(person.dn(), "camille.t" + person.uid(), agent, CLIENT));
        assertEquals(after, entry(person));
        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.changeAlias(person.dn(), " ", agent, CLIENT));
        assertFalse(entry(person).containsKey("sesamealias"));
    }

    @Test
    void anAliasAnotherPersonHasAsAliasOrLoginIsRefusedAndNothingIsWritten() throws Exception {
        Person first = person();
        Person second = person();
        helpdesk.changeAlias(first.dn(), "camille.t" + first.uid(), agent, CLIENT);
        Map<String, Set<String>> before = entry(second);

        assertInstanceOf(HelpdeskOutcome.AliasTaken.class,
                helpdesk.changeAlias(second.dn(), "CAMILLE.T" + first.uid(), agent, CLIENT));
        assertInstanceOf(HelpdeskOutcome.AliasTaken.class, helpdesk.changeAlias(second.dn(), first.login(), agent, CLIENT));
        assertInstanceOf(HelpdeskOutcome.AliasInvalid.class, helpdesk.changeAlias(second.dn(), "a*)(uid=*", agent, CLIENT));

        assertEquals(before, entry(second));
    }

    @Test
    void aPersonalEmailReplacesTheAddressAndCancelsTheChangeThePersonHadStarted() throws Exception {
        Person person = person();
        String reset = "reset$20990101000000Z$" + "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
        String email = "email$20990101000000Z$" + "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNv";
        TestPeople.set(directory.admin(), person, "sesamePendingMail", "autre@perso.example.org");
        TestPeople.set(directory.admin(), person, "sesameToken", reset, email);
        Map<String, Set<String>> before = entry(person);

        assertInstanceOf(HelpdeskOutcome.Done.class,
                helpdesk.setPersonalEmail(person.dn(), " nouvelle." + person.uid() + "@perso.example.org ", agent, CLIENT));

        Map<String, Set<String>> after = entry(person);
        assertEquals(Set.of("nouvelle." + person.uid() + "@perso.example.org"), after.get("supannmailperso"));
        assertFalse(after.containsKey("sesamependingmail"));
        assertEquals(Set.of(reset), after.get("sesametoken"), "the reset link stays; the address change is gone");
        assertOnlyChanged(before, after, "supannMailPerso", "sesamePendingMail", "sesameToken");
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.PERSONAL_EMAIL_CHANGED, event.event());
        assertEquals(agent, event.actor());
        assertTrue(event.madeByAgent());
        assertInstanceOf(HelpdeskOutcome.NotAnEmail.class,
                helpdesk.setPersonalEmail(person.dn(), "a@b.fr, c@d.fr", agent, CLIENT));
        assertEquals(after, entry(person));
    }

    @Test
    void aResetLinkIsStoredHashedAndMailedToThePersonalAddress() throws Exception {
        Person person = person();
        Map<String, Set<String>> before = entry(person);

        assertEquals(new HelpdeskOutcome.ResetLinkSent(true), helpdesk.sendResetLink(person.dn(), Locale.FRENCH, agent, CLIENT));

        Map<String, Set<String>> after = entry(person);
        String token = after.get("sesametoken").iterator().next();
        assertTrue(token.startsWith("reset$") && token.contains("$argon2id$"), token);
        assertOnlyChanged(before, after, "sesameToken");
        String mail = Inbox.text(new Inbox(directory.services().mail, person.personalEmail()).awaitNewest());
        assertTrue(mail.contains("/recovery/reset.xhtml"), mail);
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.RESET_LINK_SENT, event.event());
        assertEquals(agent, event.actor());
        assertEquals("helpdesk", event.details().get("requested-by"));
        assertTrue(event.madeByAgent());
    }

    @Test
    void aTemporaryPasswordBindsReplacesTheOldOneMustBeChangedAndIsNeverStored() throws Exception {
        Person person = person();
        Map<String, Set<String>> before = entry(person);

        HelpdeskOutcome.TemporaryPasswordIssued issued = assertInstanceOf(HelpdeskOutcome.TemporaryPasswordIssued.class,
                helpdesk.issueTemporaryPassword(person.dn(), agent, CLIENT));

        String password = issued.password().password();
        assertTrue(Binds.succeed(directory::connect, person.dn(), password));
        assertFalse(Binds.succeed(directory::connect, person.dn(), TestPeople.PASSWORD));
        Map<String, Set<String>> after = entry(person);
        assertEquals(Set.of("TRUE"), after.get("sesamemustchangepassword"));
        assertEquals(Optional.of(directory.services().clock.instant().plus(Duration.ofDays(3))), directory.services().people
                .getByDn(person.dn()).instant(AccountField.TEMPORARY_PASSWORD_EXPIRY));
        assertEquals(issued.password().expiresAt(), directory.services().clock.instant().plus(Duration.ofDays(3)));
        assertOnlyChanged(before, after, "userPassword", "sesameMustChangePassword", "sesameTemporaryPasswordExpiry",
                "sesamePasswordChangedAt");
        assertFalse(after.toString().contains(password));
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.TEMPORARY_PASSWORD_ISSUED, event.event());
        assertEquals(agent, event.actor());
        assertFalse(event.toJson().contains(password));
    }

    @Test
    void unlockingForgetsFailuresAndTheLockAndNothingElse() throws Exception {
        Person person = person();
        TestPeople.set(directory.admin(), person, "sesameFailure", "joker$20260901075500Z", "joker$20260901075600Z");
        TestPeople.set(directory.admin(), person, "sesameLockedUntil", "20260901090000Z");
        Map<String, Set<String>> before = entry(person);

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.unlock(person.dn(), agent, CLIENT));

        Map<String, Set<String>> after = entry(person);
        assertFalse(after.containsKey("sesamefailure"));
        assertFalse(after.containsKey("sesamelockeduntil"));
        assertOnlyChanged(before, after, "sesameFailure", "sesameLockedUntil");
        assertEquals(AuditEvent.ACCOUNT_UNLOCKED, onlyEvent(person).event());
        assertInstanceOf(HelpdeskOutcome.Unchanged.class, helpdesk.unlock(person.dn(), agent, CLIENT));
        assertEquals(after, entry(person));
    }

    @Test
    void resettingTheJokerRemovesQuestionAndAnswerAndAsksForNewOnes() throws Exception {
        Person person = person();
        Map<String, Set<String>> before = entry(person);

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.resetJoker(person.dn(), agent, CLIENT));

        Map<String, Set<String>> after = entry(person);
        assertFalse(after.containsKey("sesamejokerquestion"));
        assertFalse(after.containsKey("sesamejokeranswer"));
        assertEquals(Set.of("TRUE"), after.get("sesamejokerresetrequired"));
        assertOnlyChanged(before, after, "sesameJokerQuestion", "sesameJokerAnswer", "sesameJokerResetRequired");
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.JOKER_RESET, event.event());
        assertEquals(agent, event.actor());
    }

    @Test
    void selfServiceIsDisabledThenEnabledAgainEachTimeAudited() throws Exception {
        Person person = person();
        Map<String, Set<String>> before = entry(person);

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.setSelfServiceDisabled(person.dn(), true, agent, CLIENT));

        Map<String, Set<String>> disabled = entry(person);
        assertEquals(Set.of("TRUE"), disabled.get("sesameselfservicedisabled"));
        assertOnlyChanged(before, disabled, "sesameSelfServiceDisabled");
        assertEquals(AuditEvent.SELF_SERVICE_DISABLED, onlyEvent(person).event());
        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.issueTemporaryPassword(person.dn(), agent, CLIENT));
        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.sendResetLink(person.dn(), Locale.FRENCH, agent, CLIENT));
        assertEquals(disabled, entry(person));
        directory.services().clock.advance(Duration.ofMinutes(1));

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.setSelfServiceDisabled(person.dn(), false, agent, CLIENT));

        Map<String, Set<String>> enabled = entry(person);
        assertFalse(enabled.containsKey("sesameselfservicedisabled"));
        assertOnlyChanged(before, enabled);
        assertEquals(List.of(AuditEvent.SELF_SERVICE_ENABLED, AuditEvent.SELF_SERVICE_DISABLED),
                events(person).stream().map(AuditRecord::event).toList());
    }

    @Test
    void theAdminViewListsTheAgentsActionsNewestFirstAndNotThePeoplesOwn() throws Exception {
        Person first = person();
        Person second = person();
        String other = agent + ".other";
        // A day of this test's own, so that the period below holds only its events.
        directory.services().clock.advance(Duration.ofDays(1 + RANDOM.nextInt(20_000)));
        Instant start = directory.services().clock.instant();
        helpdesk.unlock(first.dn(), agent, CLIENT);
        TestPeople.set(directory.admin(), first, "sesameLockedUntil", "20990101000000Z");
        directory.services().clock.advance(Duration.ofMinutes(1));
        helpdesk.unlock(first.dn(), agent, CLIENT);
        directory.services().clock.advance(Duration.ofMinutes(1));
        helpdesk.resetJoker(second.dn(), other, CLIENT);
        directory.services().clock.advance(Duration.ofMinutes(1));
        helpdesk.setSelfServiceDisabled(second.dn(), true, agent, CLIENT);
        directory.services().clock.advance(Duration.ofMinutes(1));
        directory.services().accountSettings.changeSms(first.dn(), true, "0612345678", Locale.FRENCH, CLIENT);

        Page mine = agentActions.find(new Query(Optional.of(agent), Optional.empty(), Optional.empty()), 1);
        Page everyone = agentActions.find(new Query(Optional.empty(), Optional.of(start),
                Optional.of(start.plus(Duration.ofMinutes(10)))), 1);

        assertEquals(List.of(AuditEvent.SELF_SERVICE_DISABLED, AuditEvent.ACCOUNT_UNLOCKED),
                mine.actions().stream().map(AuditRecord::event).toList(), "the first unlock changed nothing");
        assertEquals(List.of(second.login(), first.login()), mine.actions().stream().map(AuditRecord::subject).toList());
        assertEquals(2, mine.total());
        assertEquals(1, mine.pages());
        assertFalse(mine.incomplete());
        assertEquals(List.of(agent, other, agent), everyone.actions().stream().map(AuditRecord::actor).toList(),
                "the person's own SMS change is not an agent's action");
        assertTrue(events(first).stream().anyMatch(event -> event.event() == AuditEvent.SMS_PREFERENCES_CHANGED));
        Page window = agentActions.find(new Query(Optional.of(agent), Optional.of(start.plus(Duration.ofMinutes(2))),
                Optional.of(start.plus(Duration.ofMinutes(4)))), 1);
        assertEquals(List.of(AuditEvent.SELF_SERVICE_DISABLED), window.actions().stream().map(AuditRecord::event).toList());
        assertEquals(0, agentActions.find(new Query(Optional.of(agent), Optional.empty(), Optional.of(start)), 1).total());
    }

    @Test
    void theAdminViewIsPagedAndAnyAgentNameIsSearchedAsText() {
        Person first = person();
        Person second = person();
        int actions = AgentActions.PAGE_SIZE + 3;
        for (int n = 0; n < actions; n++) {
            helpdesk.setSelfServiceDisabled((n % 2 == 0 ? first : second).dn(), n % 4 < 2, agent, CLIENT);
            directory.services().clock.advance(Duration.ofSeconds(30));
        }
        Query query = new Query(Optional.of(agent), Optional.empty(), Optional.empty());

        Page one = agentActions.find(query, 1);
        Page two = agentActions.find(query, 2);

        assertEquals(actions, one.total());
        assertEquals(2, one.pages());
        assertEquals(AgentActions.PAGE_SIZE, one.actions().size());
        assertEquals(3, two.actions().size());
        assertTrue(one.hasNext() && !one.hasPrevious() && two.hasPrevious() && !two.hasNext());
        assertTrue(one.actions().get(one.actions().size() - 1).at().isAfter(two.actions().get(0).at()));
        assertEquals(two, agentActions.find(query, 99), "past the end: the last page");
        for (String trick : List.of("*", agent.substring(0, 5) + "*", "*)(objectClass=*", agent + "\\", "\"")) {
            assertEquals(0, agentActions.find(new Query(Optional.of(trick), Optional.empty(), Optional.empty()), 1).total(),
                    trick);
        }
    }

    @Test
    void theSearchOfKeptEventsReadsAtMostTheAskedNumberOfPeopleAndSaysWhenItStopped() {
        String mark = "\"actor\":\"" + agent + "\"";
        for (int n = 0; n < 3; n++) {
            helpdesk.setSelfServiceDisabled(person().dn(), true, agent, CLIENT);
        }

        KeptEvents two = directory.services().people.keptEventsContaining(List.of(mark), 2);
        KeptEvents all = directory.services().people.keptEventsContaining(List.of(mark), 3);

        assertEquals(2, two.values().size());
        assertTrue(two.more());
        assertEquals(3, all.values().size());
        assertTrue(all.values().stream().allMatch(value -> value.contains(mark)));
    }

    private Map<String, Set<String>> entry(Person person) throws LDAPException {
        SearchResultEntry entry = directory.admin().getEntry(person.dn(), "*", "+");
        Map<String, Set<String>> attributes = new TreeMap<>();
        for (Attribute attribute : entry.getAttributes()) {
            attributes.put(attribute.getBaseName().toLowerCase(Locale.ROOT),
                    new TreeSet<>(Arrays.asList(attribute.getValues())));
        }
        return attributes;
    }

    /** Every attribute but these (and those that change with any write) holds what it held before. */
    private static void assertOnlyChanged(Map<String, Set<String>> before, Map<String, Set<String>> after,
            String... changed) {
        Set<String> ignored = Stream.concat(ALWAYS_CHANGING.stream(),
                        Arrays.stream(changed).map(name -> name.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        Map<String, Set<String>> kept = new HashMap<>(before);
        Map<String, Set<String>> now = new HashMap<>(after);
        kept.keySet().removeAll(ignored);
        now.keySet().removeAll(ignored);
        assertEquals(new TreeMap<>(kept), new TreeMap<>(now));
    }

    /** The person's kept events, newest first. */
    private List<AuditRecord> events(Person person) {
        return directory.services().people.getByDn(person.dn()).values(AccountField.SECURITY_EVENT).stream()
                .map(AuditRecord::fromJson)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(AuditRecord::at).reversed())
                .toList();
    }

    private AuditRecord onlyEvent(Person person) {
        List<AuditRecord> events = events(person);
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }
}
