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
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordPolicy;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.password.UserPasswordHasher;
import fr.sesame.recovery.RecoveryMailService;
import fr.sesame.recovery.RecoveryOutcome;
import fr.sesame.recovery.ResetByLinkService;
import fr.sesame.security.InMemoryClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
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

/** The helpdesk's search and actions, written to the embedded directory as the console writes them. */
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
    private TemporaryPasswords temporary;
    private DevSmsGateway outbox;

    @BeforeEach
    void start() {
        directory = EmbeddedDirectory.start(0);
        services = new FlowServices(directory.settings());
        audit = new AuditTrail(services.people);
        tokens = new Tokens(services.people, new Argon2Hasher(1024, 1, 1), services.clock);
        mails = new RecoveryMailService(services.people, tokens, audit,
                new MailSender(services.config.mail()), new MailComposer(services.config),
                new InMemoryClientThrottle(services.config.throttle().client(), services.clock), services.config,
                ResponseTimeFloor.none(), services.clock, Runnable::run);
        temporary = new TemporaryPasswords(new PasswordPolicy(services.config.passwordPolicy()),
                new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000), services.config.temporaryPasswordLifetime(),
                false, services.clock);
        outbox = new DevSmsGateway(services.clock);
        helpdesk = withSms(new SmsSender(outbox));
    }

    /** The helpdesk as the portal wires it, with this SMS sender. */
    private HelpdeskService withSms(SmsSender sms) {
        return new HelpdeskService(services.people, audit, services.throttle, temporary, mails, tokens, sms,
                services.config, services.clock);
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

    private List<PersonRow> found(String text) {
        return assertInstanceOf(SearchOutcome.Found.class, helpdesk.search(text)).people();
    }

    private AuditRecord lastEvent(Person person) {
        return helpdesk.find(person.uid()).orElseThrow().events().get(0);
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
    void anAliasIsWrittenOnceAndAudited() throws Exception {
        Person person = person();

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.changeAlias(person.dn(), "Camille.T", AGENT, CLIENT));

        assertEquals("camille.t", entry(person).getAttributeValue("sesameAlias"));
        AuditRecord event = lastEvent(person);
        assertEquals(AuditEvent.ALIAS_CHANGED, event.event());
        assertEquals(AGENT, event.actor());
        assertInstanceOf(HelpdeskOutcome.Unchanged.class, helpdesk.changeAlias(person.dn(), "camille.t", AGENT, CLIENT));
    }

    @Test
    void anAliasAnotherPersonHasAsAliasOrLoginIsRefused() throws Exception {
        Person first = person();
        Person second = person();
        helpdesk.changeAlias(first.dn(), "camille.t", AGENT, CLIENT);

        assertInstanceOf(HelpdeskOutcome.AliasTaken.class, helpdesk.changeAlias(second.dn(), "CAMILLE.T", AGENT, CLIENT));
        assertInstanceOf(HelpdeskOutcome.AliasTaken.class, helpdesk.changeAlias(second.dn(), first.login(), AGENT, CLIENT));
        assertInstanceOf(HelpdeskOutcome.AliasInvalid.class, helpdesk.changeAlias(second.dn(), "a*)", AGENT, CLIENT));
        assertFalse(entry(second).hasAttribute("sesameAlias"));
    }

    @Test
    void anAgentSetsThePersonalEmailThenMailsTheResetLinkToIt() throws Exception {
        Person person = person();

        assertInstanceOf(HelpdeskOutcome.Done.class,
                helpdesk.setPersonalEmail(person.dn(), " nouvelle@perso.example.org ", AGENT, CLIENT));
        services.clock.advance(Duration.ofMinutes(1));
        assertEquals(new HelpdeskOutcome.ResetLinkSent(true),
                helpdesk.sendResetLink(person.dn(), Locale.FRENCH, AGENT, CLIENT));

        SearchResultEntry entry = entry(person);
        assertEquals("nouvelle@perso.example.org", entry.getAttributeValue("supannMailPerso"));
        assertTrue(entry.getAttributeValue("sesameToken").startsWith("reset$"));
        String mail = Inbox.text(new Inbox(services.mail, "nouvelle@perso.example.org").awaitNewest());
        assertTrue(mail.contains("/recovery/reset.xhtml"), mail);
        AuditRecord sent = lastEvent(person);
        assertEquals(AuditEvent.RESET_LINK_SENT, sent.event());
        assertEquals(AGENT, sent.actor());
        assertInstanceOf(HelpdeskOutcome.NotAnEmail.class,
                helpdesk.setPersonalEmail(person.dn(), "a@b.fr, c@d.fr", AGENT, CLIENT));
    }

    @Test
    void aTemporaryPasswordBindsAndMustBeChangedButIsNeverRecorded() throws Exception {
        Person person = person();

        HelpdeskOutcome.TemporaryPasswordIssued issued = assertInstanceOf(HelpdeskOutcome.TemporaryPasswordIssued.class,
                helpdesk.issueTemporaryPassword(person.dn(), AGENT, CLIENT));

        String password = issued.password().password();
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            connection.bind(person.dn(), password);
        }
        SearchResultEntry entry = entry(person);
        assertEquals("TRUE", entry.getAttributeValue("sesameMustChangePassword"));
        assertFalse(entry.toLDIFString().contains(password));
        assertEquals(AuditEvent.TEMPORARY_PASSWORD_ISSUED, lastEvent(person).event());
    }

    @Test
    void aNeverActivatedAccountGetsNoTemporaryPasswordNorLink() {
        Person person = TestPeople.newStudent(directory.server());

        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.issueTemporaryPassword(person.dn(), AGENT, CLIENT));
        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.sendResetLink(person.dn(), Locale.FRENCH, AGENT, CLIENT));
    }

    @Test
    void unlockingForgetsFailuresAndTheLock() throws Exception {
        Person person = person();
        TestPeople.set(directory.server(), person, "sesameFailure", "joker$20260901075500Z", "joker$20260901075600Z");
        TestPeople.set(directory.server(), person, "sesameLockedUntil", "20260901090000Z");
        assertTrue(helpdesk.find(person.uid()).orElseThrow().locked());

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.unlock(person.dn(), AGENT, CLIENT));

        SearchResultEntry entry = entry(person);
        assertFalse(entry.hasAttribute("sesameFailure"));
        assertFalse(entry.hasAttribute("sesameLockedUntil"));
        assertEquals(AuditEvent.ACCOUNT_UNLOCKED, lastEvent(person).event());
        assertInstanceOf(HelpdeskOutcome.Unchanged.class, helpdesk.unlock(person.dn(), AGENT, CLIENT));
    }

    @Test
    void resettingTheJokerRemovesQuestionAndAnswerAndAsksForNewOnes() throws Exception {
        Person person = person();

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.resetJoker(person.dn(), AGENT, CLIENT));

        SearchResultEntry entry = entry(person);
        assertFalse(entry.hasAttribute("sesameJokerQuestion"));
        assertFalse(entry.hasAttribute("sesameJokerAnswer"));
        assertEquals("TRUE", entry.getAttributeValue("sesameJokerResetRequired"));
        assertEquals(AuditEvent.JOKER_RESET, lastEvent(person).event());
    }

    @Test
    void selfServiceIsDisabledAndEnabledAgain() throws Exception {
        Person person = person();

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.setSelfServiceDisabled(person.dn(), true, AGENT, CLIENT));
        assertEquals("TRUE", entry(person).getAttributeValue("sesameSelfServiceDisabled"));
        assertEquals(AuditEvent.SELF_SERVICE_DISABLED, lastEvent(person).event());
        assertInstanceOf(HelpdeskOutcome.NotAllowed.class, helpdesk.issueTemporaryPassword(person.dn(), AGENT, CLIENT));
        services.clock.advance(Duration.ofMinutes(1));

        assertInstanceOf(HelpdeskOutcome.Done.class, helpdesk.setSelfServiceDisabled(person.dn(), false, AGENT, CLIENT));
        assertFalse(entry(person).hasAttribute("sesameSelfServiceDisabled"));
        assertEquals(AuditEvent.SELF_SERVICE_ENABLED, lastEvent(person).event());
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
        HelpdeskService withoutSms = withSms(new SmsSender((fr.sesame.sms.SmsGateway) null));

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
            HelpdeskService failing = withSms(new SmsSender(new HttpSmsGateway(new HttpSmsSettings(provider.url("/send"),
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
