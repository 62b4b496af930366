package fr.sesame.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.helpdesk.HelpdeskService.SearchOutcome;
import fr.sesame.support.FlowServices;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The helpdesk's search and record, on the embedded directory. Each action's writes are checked on the embedded
 * directory and on a real slapd by {@link HelpdeskWrites}.
 */
class HelpdeskServiceTest {

    private static final String AGENT = "hugo.support";
    private static final String CLIENT = "192.0.2.20";

    private EmbeddedDirectory directory;
    private FlowServices services;
    private HelpdeskService helpdesk;

    @BeforeEach
    void start() {
        directory = EmbeddedDirectory.start(0);
        services = new FlowServices(directory.settings());
        helpdesk = HelpdeskServices.on(services);
    }

    @AfterEach
    void stop() {
        services.close();
        directory.close();
    }

    private Person person() {
        return TestPeople.activatedStudent(directory.server());
    }

    private List<PersonRow> found(String text) {
        return assertInstanceOf(SearchOutcome.Found.class, helpdesk.search(text)).people();
    }

    @Test
    void findsPeopleByTheFirstLettersOfTheirNameWhateverTheCase() {
        Person person = person();
        String surname = "Test" + person.studentNumber();

        assertEquals(List.of(person.login()), found(surname.substring(0, 9).toLowerCase(Locale.ROOT)).stream()
                .map(PersonRow::login).filter(person.login()::equals).toList());
        assertTrue(found(surname.toUpperCase(Locale.ROOT)).stream().anyMatch(row -> row.uid().equals(person.uid())));
    }

    @Test
    void findsPeopleExactlyByEachIdentifierButNotByItsPrefix() {
        Person person = person();

        for (String identifier : List.of(person.login(), person.uid(), person.personalEmail(),
                person.login() + "@univ-demo.fr", person.studentNumber())) {
            assertEquals(List.of(person.uid()), found(identifier).stream().map(PersonRow::uid).toList(), identifier);
        }
        assertEquals(List.of(), found(person.login().substring(0, person.login().length() - 2)));
        assertEquals(List.of("10000002"), found("234567890CD").stream().map(PersonRow::uid).toList(), "INE");
    }

    @Test
    void anAccentedSearchAlsoFindsNamesWrittenWithoutAccents() {
        // The directory folds case, not accents: "Brüno" finds "Bruno" because the text is also tried stripped.
        assertTrue(found("Brüno P").stream().anyMatch(row -> row.login().equals("bruno.petit")));
        assertTrue(found("chloé").stream().anyMatch(row -> row.login().equals("chloe.durand")));
        assertEquals(List.of(), found("chloe"), "neither server folds accents in the directory's values");
    }

    @Test
    void filterCharactersAndMarkupAreSearchedAsText() {
        Person person = person();
        TestPeople.set(directory.server(), person, "sn", "*)(uid=*\\<script>alert(1)</script>");

        assertEquals(List.of(person.uid()), found("*)(uid=*\\<scr").stream().map(PersonRow::uid).toList());
        assertEquals(List.of(), found("**"));
        assertEquals(List.of(), found("*)(|(uid=*"));
    }

    @Test
    void tooShortASearchLooksNothingUp() {
        assertInstanceOf(SearchOutcome.TooShort.class, helpdesk.search(" b "));
    }

    @Test
    void manyMatchesAreCutAtTheLimitSortedByName() {
        for (int i = 0; i < HelpdeskService.SEARCH_LIMIT + 2; i++) {
            person();
        }
        SearchOutcome.Found found = assertInstanceOf(SearchOutcome.Found.class, helpdesk.search("Camille"));

        assertTrue(found.more());
        assertEquals(HelpdeskService.SEARCH_LIMIT, found.people().size());
    }

    @Test
    void theRecordShowsTheDirectorysOperationalFacts() {
        Person person = person();

        PersonRecord record = helpdesk.find(person.uid()).orElseThrow();

        assertEquals(36, record.entryUuid().length());
        assertTrue(record.createdAt() != null && record.modifiedAt() != null);
        assertTrue(record.activated());
        assertTrue(record.hasPersonalEmail());
        assertEquals(TestPeople.QUESTION, record.jokerQuestion());
    }

    @Test
    void anActionOnAnAccountThatIsGoneWritesNothing() {
        assertInstanceOf(HelpdeskOutcome.Gone.class,
                helpdesk.unlock("uid=0,ou=people,dc=univ-demo,dc=fr", AGENT, CLIENT));
    }
}
