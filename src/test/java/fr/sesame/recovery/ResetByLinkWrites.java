package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.DirectoryException;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.password.PasswordChange;
import fr.sesame.password.PasswordRule;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.recovery.RecoveryMailService.Outcome;
import fr.sesame.security.InMemoryClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.TestPeople.Person;
import fr.sesame.support.Binds;
import fr.sesame.support.TestPeople;
import fr.sesame.token.TokenPurpose;
import fr.sesame.token.Tokens;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the reset link, the login reminder by email and temporary passwords write, checked on a directory: the token
 * kept as a hash only, its expiry, its replacement, its end with any password change, its single use, a restart
 * between the mail and the click, the per-account and per-client limits, and binds with the passwords set. Run on
 * the embedded directory ({@code ResetByLinkWritesTest}) and on a real slapd ({@code ResetByLinkWritesOnSlapdIT}).
 */
abstract class ResetByLinkWrites {

    private static final String NEW_PASSWORD = "Velo-Soleil-2026!";
    private static final String CLIENT = "192.0.2.10";
    private static final Pattern LINK = Pattern.compile("(http://localhost:8080/recovery/reset\\.xhtml\\?u=([^&\\s]+)&t=([A-Za-z0-9_-]+))");

    /** A link as found in a mail. */
    record Link(String url, String uid, String token) {}

    private ResetServices services;

    /** The directory under test, chosen by the concrete class: opened before each test, closed after it. */
    @RegisterExtension
    final DirectoryUnderTest directory;

    ResetByLinkWrites(DirectoryUnderTest directory) {
        this.directory = directory;
    }

    /** The services of this test, started on first use; a test that restarts the portal replaces them. */
    protected ResetServices services() {
        if (services == null) {
            services = new ResetServices(directory.settings());
        }
        return services;
    }

    @AfterEach
    void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theMailedLinkSetsThePasswordOnceInOneModify() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());

        assertEquals(new Outcome.Answered(), services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT));
        Link link = linkMailedTo(services(), person);
        assertEquals(person.uid(), link.uid());
        assertEquals(Optional.of(person.login()), services().links.loginFor(link.uid(), link.token()));
        services().flow.clock.advance(Duration.ofMinutes(5));

        RecoveryOutcome outcome = services().links.reset(link.uid(), link.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(new RecoveryOutcome.PasswordChanged(true), outcome);
        assertTrue(binds(person, NEW_PASSWORD));
        assertFalse(binds(person, TestPeople.PASSWORD));
        SearchResultEntry entry = directory.admin().getEntry(person.dn(), "*");
        assertFalse(entry.hasAttribute("sesameToken"));
        assertEquals(1, entry.getAttributeValues("sesamePasswordHistory").length);
        List<AuditRecord> events = eventsOf(person);
        assertEquals(AuditEvent.PASSWORD_CHANGED, events.get(0).event());
        assertEquals(Map.of("flow", "link"), events.get(0).details());
        assertEquals("Votre mot de passe a été modifié", Inbox.subject(new Inbox(services().flow.mail, person.personalEmail()).awaitNewest()));

        assertEquals(new RecoveryOutcome.LinkNotValid(),
                services().links.reset(link.uid(), link.token(), "Autre-Chemin-2026!", "Autre-Chemin-2026!", Locale.FRENCH, CLIENT));
        assertTrue(binds(person, NEW_PASSWORD), "a used link changes nothing");
    }

    @Test
    void onlyTheTokensHashIsKeptNowhereTheTokenItself() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());

        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);

        Link link = linkMailedTo(services(), person);
        SearchResultEntry entry = directory.admin().getEntry(person.dn(), "*", "+");
        String[] tokens = entry.getAttributeValues("sesameToken");
        assertEquals(1, tokens.length);
        assertTrue(tokens[0].matches("reset\\$20260901200000\\.000Z\\$\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+"),
                tokens[0]);
        for (Attribute attribute : entry.getAttributes()) {
            for (String value : attribute.getValues()) {
                assertFalse(value.contains(link.token()), attribute.getName() + " holds the clear token");
            }
        }
        assertEquals(AuditEvent.RESET_LINK_SENT, eventsOf(person).get(0).event());
    }

    @Test
    void openingTheLinkConsumesNothing() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);
        String stored = directory.admin().getEntry(person.dn(), "sesameToken").getAttributeValue("sesameToken");

        services().links.loginFor(link.uid(), link.token());
        services().links.loginFor(link.uid(), link.token());

        assertEquals(stored, directory.admin().getEntry(person.dn(), "sesameToken").getAttributeValue("sesameToken"));
        assertEquals(Optional.of(person.login()), services().links.loginFor(link.uid(), link.token()));
    }

    @Test
    void theLinkWorksTwelveHoursThenNoMore() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);

        services().flow.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertTrue(services().links.loginFor(link.uid(), link.token()).isPresent());
        services().flow.clock.advance(Duration.ofSeconds(1));

        assertEquals(Optional.empty(), services().links.loginFor(link.uid(), link.token()));
        assertEquals(new RecoveryOutcome.LinkNotValid(),
                services().links.reset(link.uid(), link.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));
        assertTrue(binds(person, TestPeople.PASSWORD));
    }

    @Test
    void aNewRequestReplacesTheEarlierLink() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link first = linkMailedTo(services(), person);

        services().requests.requestResetLink(person.personalEmail(), Locale.FRENCH, CLIENT);
        Link second = linkMailedTo(services(), person);

        assertFalse(first.token().equals(second.token()));
        assertEquals(1, directory.admin().getEntry(person.dn(), "sesameToken").getAttributeValues("sesameToken").length);
        assertEquals(Optional.empty(), services().links.loginFor(first.uid(), first.token()));
        assertEquals(new RecoveryOutcome.PasswordChanged(true),
                services().links.reset(second.uid(), second.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));
    }

    @Test
    void aPasswordChangedByAnotherFlowEndsThePendingLink() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);

        services().flow.recovery.reset(person.dn(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(Optional.empty(), services().links.loginFor(link.uid(), link.token()));
        assertEquals(new RecoveryOutcome.LinkNotValid(), services().links.reset(link.uid(), link.token(),
                "Autre-Chemin-2026!", "Autre-Chemin-2026!", Locale.FRENCH, CLIENT));
        assertTrue(binds(person, NEW_PASSWORD));
    }

    @Test
    void aRefusedPasswordLeavesTheLinkUsable() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);

        RecoveryOutcome refused = services().links.reset(link.uid(), link.token(), "court", "court", Locale.FRENCH, CLIENT);
        RecoveryOutcome reused = services().links.reset(link.uid(), link.token(), TestPeople.PASSWORD, TestPeople.PASSWORD,
                Locale.FRENCH, CLIENT);

        assertEquals(PasswordRule.TOO_SHORT, ((RecoveryOutcome.PasswordRefused) refused).problems().get(0).rule());
        assertEquals(PasswordRule.REUSED, ((RecoveryOutcome.PasswordRefused) reused).problems().get(0).rule());
        assertEquals(new RecoveryOutcome.PasswordChanged(true),
                services().links.reset(link.uid(), link.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));
    }

    @Test
    void twoTabsCannotBothUseTheLink() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);
        // The first tab has read the account and is about to write when the second one finishes.
        Tokens.ValidToken firstTab = services().tokens.find(link.uid(), link.token(), TokenPurpose.RESET).orElseThrow();
        AccountUpdate firstWrite = AccountUpdate.of(firstTab.account());
        new PasswordChange(services().flow.config).addTo(firstWrite, firstTab.account(), "Autre-Chemin-2026!", Instant.now());
        services().tokens.consume(firstWrite, firstTab);

        assertEquals(new RecoveryOutcome.PasswordChanged(true),
                services().links.reset(link.uid(), link.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));

        assertThrows(DirectoryException.class, () -> services().flow.people.apply(firstWrite));
        assertTrue(binds(person, NEW_PASSWORD));
        assertFalse(binds(person, "Autre-Chemin-2026!"));
    }

    @Test
    void aLinkMailedBeforeARestartStillWorksAfterIt() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);
        services.close();

        services = new ResetServices(directory.settings());

        assertEquals(Optional.of(person.login()), services().links.loginFor(link.uid(), link.token()));
        assertEquals(new RecoveryOutcome.PasswordChanged(true),
                services().links.reset(link.uid(), link.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));
        assertTrue(binds(person, NEW_PASSWORD));
    }

    @Test
    void anAddressSharedBySeveralAccountsGetsOneLinkForEach() throws Exception {
        Person first = TestPeople.activatedStudent(directory.admin());
        Person second = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), second, "supannMailPerso", first.personalEmail());

        services().requests.requestResetLink(first.personalEmail().toUpperCase(Locale.ROOT), Locale.ENGLISH, CLIENT);

        List<MimeMessage> mails = new Inbox(services().flow.mail, first.personalEmail()).mails();
        assertEquals(2, mails.size());
        assertEquals("Choose a new password", Inbox.subject(mails.get(0)));
        List<Link> links = mails.stream().map(mail -> link(Inbox.text(mail))).toList();
        assertEquals(Set.of(first.uid(), second.uid()), Set.of(links.get(0).uid(), links.get(1).uid()));
        for (Link link : links) {
            Person owner = link.uid().equals(first.uid()) ? first : second;
            assertEquals(Optional.of(owner.login()), services().links.loginFor(link.uid(), link.token()));
        }
    }

    @Test
    void nothingIsSentForAnUnknownOrClosedOrNeverActivatedAccount() {
        Person closed = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), closed, "supannRessourceEtat", "{COMPTE}I:SupannInactif");
        Person disabled = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), disabled, "sesameSelfServiceDisabled", "TRUE");
        Person neverActivated = TestPeople.newStudent(directory.admin());

        for (String typed : List.of("nobody.here", "nobody@perso.example.org", closed.login(), disabled.personalEmail(),
                neverActivated.login())) {
            assertEquals(new Outcome.Answered(), services().requests.requestResetLink(typed, Locale.FRENCH, CLIENT), typed);
        }

        assertEquals(0, services().flow.mail.getReceivedMessages().length);
    }

    @Test
    void anAccountGetsAtMostThreeMailsAnHour() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        for (int i = 0; i < 4; i++) {
            services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        }
        services().requests.requestLogins(person.personalEmail(), Locale.FRENCH, "192.0.2.11");
        assertEquals(3, new Inbox(services().flow.mail, person.personalEmail()).mails().size());

        services().flow.clock.advance(Duration.ofMinutes(61));
        services().requests.requestLogins(person.personalEmail(), Locale.FRENCH, CLIENT);

        assertEquals(4, new Inbox(services().flow.mail, person.personalEmail()).mails().size());
        assertEquals("Votre identifiant de connexion",
                Inbox.subject(new Inbox(services().flow.mail, person.personalEmail()).awaitNewest()));
    }

    @Test
    void oneClientAddressCannotAskForever() {
        services().close();
        services = new ResetServices(directory.settings(), Map.of("sesame.throttle.client.max-failures", "2"));
        Person person = TestPeople.activatedStudent(directory.admin());

        services().requests.requestResetLink("nobody.here", Locale.FRENCH, CLIENT);
        services().requests.requestLogins("nobody@perso.example.org", Locale.FRENCH, CLIENT);
        Outcome third = services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);

        assertInstanceOf(Outcome.ClientBlocked.class, third);
        assertEquals(0, services().flow.mail.getReceivedMessages().length);
        assertEquals(new Outcome.Answered(), services().requests.requestResetLink(person.login(), Locale.FRENCH, "192.0.2.99"));
    }

    @Test
    void knownAndUnknownLoginsBothTakeTheResponseFloor() {
        Person person = TestPeople.activatedStudent(directory.admin());
        ResetServices s = services();
        RecoveryMailService floored = new RecoveryMailService(s.flow.people, s.tokens, new AuditTrail(s.flow.people),
                new MailSender(s.flow.config.mail()), new MailComposer(s.flow.config),
                new InMemoryClientThrottle(s.flow.config.throttle().client(), s.flow.clock), s.flow.config,
                new ResponseTimeFloor(Duration.ofMillis(300)), s.flow.clock, Runnable::run);

        for (String typed : List.of(person.login(), "nobody.here", "nobody@perso.example.org")) {
            long start = System.nanoTime();
            assertEquals(new Outcome.Answered(), floored.requestResetLink(typed, Locale.FRENCH, CLIENT));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), typed);
        }
        assertEquals(1, new Inbox(s.flow.mail, person.personalEmail()).mails().size());
    }

    @Test
    void theLoginReminderGoesToEveryAccountWithTheAddress() throws Exception {
        Person first = TestPeople.activatedStudent(directory.admin());
        Person second = TestPeople.newStudent(directory.admin());
        TestPeople.set(directory.admin(), second, "supannMailPerso", first.personalEmail());

        assertEquals(new Outcome.Answered(), services().requests.requestLogins(" " + first.personalEmail() + " ", Locale.FRENCH, CLIENT));

        List<String> texts = new Inbox(services().flow.mail, first.personalEmail()).mails().stream().map(Inbox::text).toList();
        assertEquals(2, texts.size());
        assertTrue(texts.stream().anyMatch(text -> text.contains(first.login())));
        assertTrue(texts.stream().anyMatch(text -> text.contains(second.login())));
        assertEquals(AuditEvent.LOGIN_REMINDED, eventsOf(first).get(0).event());
    }

    @Test
    void whatIsNotOneAddressIsRefusedBeforeAnyLookup() {
        for (String typed : List.of("a@b", "@perso.example.org", "x@perso.example.org, y@perso.example.org",
                "Camille <x@perso.example.org>", "x@perso.example.org\r\nBcc: victim@example.org", "x y@perso.example.org")) {
            assertEquals(new Outcome.NotAnEmail(), services().requests.requestLogins(typed, Locale.FRENCH, CLIENT), typed);
            assertEquals(new Outcome.NotAnEmail(), services().requests.requestResetLink(typed, Locale.FRENCH, CLIENT), typed);
        }
        assertEquals(0, services().flow.mail.getReceivedMessages().length);
    }

    @Test
    void aTemporaryPasswordIsWrittenWithItsMarksAndBinds() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);
        Account account = services().flow.people.getByDn(person.dn());
        TemporaryPasswords temporary = services().temporaryPasswords;
        assertFalse(temporary.mustChangePassword(account));

        AccountUpdate update = AccountUpdate.of(account);
        TemporaryPasswords.TemporaryPassword given = temporary.addTo(update, account);
        services().flow.people.apply(update);

        assertTrue(binds(person, given.password()));
        assertFalse(binds(person, TestPeople.PASSWORD));
        SearchResultEntry entry = directory.admin().getEntry(person.dn(), "*", "+");
        assertEquals("TRUE", entry.getAttributeValue("sesameMustChangePassword"));
        assertEquals(Instant.parse("2026-09-04T08:00:00Z"), given.expiresAt());
        assertEquals(given.expiresAt(), entry.getAttributeValueAsDate("sesameTemporaryPasswordExpiry").toInstant());
        assertFalse(entry.hasAttribute("pwdReset"), "only when configured");
        assertFalse(entry.hasAttribute("sesameToken"), "a new password ends the pending reset link");
        assertEquals(Optional.empty(), services().links.loginFor(link.uid(), link.token()));
        Account after = services().flow.people.getByDn(person.dn());
        assertTrue(temporary.mustChangePassword(after));
        assertFalse(temporary.temporaryPasswordExpired(after));
        services().flow.clock.advance(Duration.ofDays(3));
        assertTrue(temporary.temporaryPasswordExpired(after));
    }

    @Test
    void choosingANewPasswordClearsTheTemporaryMarks() {
        Person person = TestPeople.activatedStudent(directory.admin());
        Account account = services().flow.people.getByDn(person.dn());
        AccountUpdate update = AccountUpdate.of(account);
        services().temporaryPasswords.addTo(update, account);
        services().flow.people.apply(update);
        services().requests.requestResetLink(person.login(), Locale.FRENCH, CLIENT);
        Link link = linkMailedTo(services(), person);

        services().links.reset(link.uid(), link.token(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        Account after = services().flow.people.getByDn(person.dn());
        assertFalse(services().temporaryPasswords.mustChangePassword(after));
        assertFalse(after.has(AccountField.TEMPORARY_PASSWORD_EXPIRY));
    }

    protected boolean binds(Person person, String password) throws LDAPException {
        return Binds.succeed(directory::connect, person.dn(), password);
    }

    static Link linkMailedTo(ResetServices services, Person person) {
        return link(Inbox.text(new Inbox(services.flow.mail, person.personalEmail()).awaitNewest()));
    }

    static Link link(String mailText) {
        Matcher m = LINK.matcher(mailText);
        assertTrue(m.find(), "no link in:\n" + mailText);
        return new Link(m.group(1), m.group(2), m.group(3));
    }

    private List<AuditRecord> eventsOf(Person person) {
        return new AuditTrail(services().flow.people).eventsOf(services().flow.people.getByDn(person.dn()));
    }
}
