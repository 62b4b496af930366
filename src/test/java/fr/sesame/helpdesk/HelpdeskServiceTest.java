package fr.sesame.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.helpdesk.HelpdeskService.SearchOutcome;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.password.PasswordChange;
import fr.sesame.recovery.RecoveryMailService;
import fr.sesame.recovery.RecoveryOutcome;
import fr.sesame.recovery.ResetByLinkService;
import fr.sesame.support.FlowServices;
import fr.sesame.sms.DevSmsGateway;
import fr.sesame.sms.HttpSmsGateway;
import fr.sesame.sms.HttpSmsSettings;
import fr.sesame.sms.SmsSender;
import fr.sesame.support.Inbox;
import fr.sesame.support.LocalSmsProvider;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import fr.sesame.token.TokenPurpose;
import fr.sesame.token.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern LINK = Pattern.compile("https?://\\S+/recovery/reset\\.xhtml\\?u=([^&\\s]+)&t=([A-Za-z0-9_-]+)");

    private EmbeddedDirectory directory;
    private FlowServices services;
    private HelpdeskService helpdesk;
    private AuditTrail audit;
    private Tokens tokens;
    private RecoveryMailService mails;
    private HelpdeskServices wired;
    private DevSmsGateway outbox;

    @BeforeEach
    void start() {
        directory = EmbeddedDirectory.start(0);
        services = new FlowServices(directory.settings());
        wired = new HelpdeskServices(services);
        audit = wired.audit;
        tokens = wired.tokens;
        mails = wired.mails;
        outbox = wired.outbox;
        helpdesk = wired.helpdesk();
    }

    @AfterEach
    void stop() {
        services.close();
        directory.close();
    }

    private Person person() {
        return TestPeople.activatedStudent(directory.server());
    }

    private SearchResultEntry entry(Person person) throws Exception {
        return directory.server().getEntry(person.dn(), "*", "+");
    }

    private AuditRecord lastEvent(Person person) {
        return helpdesk.find(person.uid()).orElseThrow().events().get(0);
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

    private Person personWithMobile(String mobile) {
        Person person = person();
        TestPeople.set(directory.server(), person, "mobile", mobile);
        return person;
    }

    private static Matcher link(String text) {
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "no link in: " + text);
        return link;
    }

    @Test
    void anAgentTextsAResetLinkThatReplacesTheMailedOneAndResetsThePassword() throws Exception {
        Person person = personWithMobile("06 39 98 01 23");
        helpdesk.sendResetLink(person.dn(), Locale.FRENCH, AGENT, CLIENT);
        Matcher mailed = link(Inbox.text(new Inbox(services.mail, person.personalEmail()).awaitNewest()));
        services.clock.advance(Duration.ofMinutes(1));

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.sendResetSms(person.dn(), AGENT, CLIENT));

        DevSmsGateway.KeptSms sms = outbox.newestFirst().get(0);
        assertEquals("+33639980123", sms.to());
        assertTrue(sms.text().startsWith("Sésame, nouveau mot de passe (valable 12 h) : http://localhost:8080/recovery/reset.xhtml?u="
                + person.uid() + "&t="), sms.text());
        assertTrue(sms.text().length() <= 160, sms.text());
        String token = link(sms.text()).group(2);
        SearchResultEntry entry = entry(person);
        assertEquals(1, entry.getAttributeValues("sesameToken").length, "the new link replaced the mailed one");
        assertTrue(entry.getAttributeValue("sesameToken").startsWith("reset$"));
        assertFalse(entry.toLDIFString().contains(token), "only the token's hash is stored");
        AuditRecord event = lastEvent(person);
        assertEquals(AuditEvent.RESET_SMS_SENT, event.event());
        assertEquals(AGENT, event.actor());
        assertFalse(event.toJson().contains(token) || event.toJson().contains("+33639980123"), event.toJson());
        assertTrue(tokens.find(person.uid(), mailed.group(2), TokenPurpose.RESET).isEmpty(), "the mailed link is dead");

        ResetByLinkService resets = new ResetByLinkService(tokens, new PasswordChange(services.config), audit,
                new MailSender(services.config.mail()), new MailComposer(services.config), services.config, services.clock);
        assertInstanceOf(RecoveryOutcome.PasswordChanged.class, resets.reset(person.uid(), token, "Nuage-Riviere-2026!",
                "Nuage-Riviere-2026!", Locale.FRENCH, "198.51.100.7"));
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            connection.bind(person.dn(), "Nuage-Riviere-2026!");
        }
        assertInstanceOf(RecoveryOutcome.LinkNotValid.class, resets.reset(person.uid(), token, "Autre-Chemin-2026!",
                "Autre-Chemin-2026!", Locale.FRENCH, "198.51.100.7"), "the link works once");
    }

    @Test
    void theSmsIsWrittenInThePersonsPreferredLanguage() {
        Person person = personWithMobile("+33 7 00 00 00 01");
        TestPeople.set(directory.server(), person, "preferredLanguage", "en-GB");

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.sendResetSms(person.dn(), AGENT, CLIENT));

        assertTrue(outbox.newestFirst().get(0).text().startsWith("Sésame, new password (valid 12 h): http"),
                outbox.newestFirst().get(0).text());
    }

    @Test
    void noSmsWithoutAMobileNumberNorForAClosedOrNeverActivatedAccount() throws Exception {
        Person withoutMobile = person();
        Person withFixedLine = personWithMobile("01 23 45 67 89");
        Person closed = personWithMobile("06 39 98 01 24");
        TestPeople.set(directory.server(), closed, "supannRessourceEtat", "{COMPTE}I:SupannInactif");
        Person neverActivated = TestPeople.newStudent(directory.server());
        TestPeople.set(directory.server(), neverActivated, "mobile", "06 39 98 01 25");

        assertInstanceOf(HelpdeskOutcome.NoMobile.class, helpdesk.sendResetSms(withoutMobile.dn(), AGENT, CLIENT));
        assertInstanceOf(HelpdeskOutcome.NoMobile.class, helpdesk.sendResetSms(withFixedLine.dn(), AGENT, CLIENT));
        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.sendResetSms(closed.dn(), AGENT, CLIENT));
        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.sendResetSms(neverActivated.dn(), AGENT, CLIENT));

        assertEquals(List.of(), outbox.newestFirst());
        for (Person person : List.of(withoutMobile, withFixedLine, closed, neverActivated)) {
            assertFalse(entry(person).hasAttribute("sesameToken"));
            assertFalse(entry(person).hasAttribute("sesameSecurityEvent"));
        }
    }

    @Test
    void withoutAGatewayTheActionIsNeitherOfferedNorDone() throws Exception {
        Person person = personWithMobile("06 39 98 01 23");
        HelpdeskService withoutSms = wired.with(new SmsSender((fr.sesame.sms.SmsGateway) null));

        assertFalse(withoutSms.smsAvailable());
        assertTrue(helpdesk.smsAvailable());
        assertInstanceOf(HelpdeskOutcome.SmsUnavailable.class, withoutSms.sendResetSms(person.dn(), AGENT, CLIENT));
        assertFalse(entry(person).hasAttribute("sesameToken"));
    }

    @Test
    void whenTheGatewayRefusesNothingIsWrittenAndTheMailedLinkStillWorks() throws Exception {
        Person person = personWithMobile("06 39 98 01 23");
        helpdesk.sendResetLink(person.dn(), Locale.FRENCH, AGENT, CLIENT);
        Matcher mailed = link(Inbox.text(new Inbox(services.mail, person.personalEmail()).awaitNewest()));
        SearchResultEntry before = entry(person);

        try (LocalSmsProvider provider = new LocalSmsProvider().answering(503)) {
            HelpdeskService failing = wired.with(new SmsSender(new HttpSmsGateway(new HttpSmsSettings(provider.url("/send"),
                    "POST", "to={to}&text={text}", "application/x-www-form-urlencoded", Optional.empty(), "",
                    "Authorization", "", Duration.ofSeconds(5)))));

            assertInstanceOf(HelpdeskOutcome.SmsNotSent.class, failing.sendResetSms(person.dn(), AGENT, CLIENT));
            assertTrue(provider.next().body().startsWith("to=%2B33639980123&text="), "the gateway was asked");
        }

        SearchResultEntry after = entry(person);
        assertEquals(List.of(before.getAttributeValues("sesameToken")), List.of(after.getAttributeValues("sesameToken")));
        assertEquals(List.of(before.getAttributeValues("sesameSecurityEvent")),
                List.of(after.getAttributeValues("sesameSecurityEvent")));
        assertNotEquals(AuditEvent.RESET_SMS_SENT, lastEvent(person).event());
        assertTrue(tokens.find(person.uid(), mailed.group(2), TokenPurpose.RESET).isPresent(), "the mailed link still works");
    }
}
