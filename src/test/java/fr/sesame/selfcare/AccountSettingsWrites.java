package fr.sesame.selfcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordRule;
import fr.sesame.support.Binds;
import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.Inbox;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the account page's services write, checked on a directory: each section's single modify touches its own
 * attributes and nothing else, a wrong current password writes nothing but a counted failure, refusals write
 * nothing, and the notice mail goes out. Run on the embedded directory ({@code AccountSettingsWritesTest}) and on
 * a real slapd ({@code AccountSettingsWritesOnSlapdIT}).
 */
abstract class AccountSettingsWrites {

    private static final String NEW_PASSWORD = "Velo-Soleil-2026!";
    private static final String CLIENT = "192.0.2.20";
    /** Attributes every modify changes by itself, or the audit trail adds to: never part of a section's change. */
    private static final Set<String> ALWAYS_CHANGING =
            Set.of("sesamesecurityevent", "modifytimestamp", "modifiersname", "entrycsn");

    /** The directory under test, chosen by the concrete class: opened before each test, closed after it. */
    @RegisterExtension
    final DirectoryUnderTest directory;

    AccountSettingsWrites(DirectoryUnderTest directory) {
        this.directory = directory;
    }

    private AccountSettings settings() {
        return directory.services().accountSettings;
    }

    @Test
    void aPasswordChangeWritesTheNewPasswordAndNothingElse() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changePassword(person.dn(), TestPeople.PASSWORD, NEW_PASSWORD,
                NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Saved(true), outcome);
        assertTrue(binds(person, NEW_PASSWORD));
        assertFalse(binds(person, TestPeople.PASSWORD));
        assertOnlyChanged(before, entry(person), "userPassword", "sesamePasswordHistory", "sesamePasswordChangedAt");
        assertEquals(1, entry(person).get("sesamepasswordhistory").size());
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.PASSWORD_CHANGED, event.event());
        assertEquals("account", event.details().get("flow"));
        assertEquals(CLIENT, event.clientAddress());
        MimeMessage mail = onlyMail(person);
        assertEquals("Votre mot de passe a été modifié", Inbox.subject(mail));
        assertFalse(Inbox.text(mail).contains(NEW_PASSWORD));
    }

    @Test
    void aWrongCurrentPasswordWritesNothingButASigninFailure() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changePassword(person.dn(), "Pas-Le-Bon-2026!", NEW_PASSWORD, NEW_PASSWORD,
                Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.WrongPassword(4), outcome);
        Map<String, Set<String>> after = entry(person);
        assertOnlyChanged(before, after, "sesameFailure");
        assertEquals(1, after.get("sesamefailure").size());
        assertTrue(after.get("sesamefailure").iterator().next().startsWith("signin$"));
        assertTrue(binds(person, TestPeople.PASSWORD));
        assertEquals(List.of(), new Inbox(directory.services().mail, person.personalEmail()).mails());
    }

    @Test
    void fiveWrongCurrentPasswordsSuspendTheAccountEvenForTheRightOne() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        for (int tries = 4; tries >= 1; tries--) {
            assertEquals(new SettingsOutcome.WrongPassword(tries), settings().changeJoker(person.dn(), "Faux-2026!",
                    "Quel est mon livre préféré ?", "Les Misérables", Locale.FRENCH, CLIENT));
        }

        assertInstanceOf(SettingsOutcome.Locked.class, settings().changePassword(person.dn(), "Faux-2026!",
                NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));

        assertTrue(entry(person).containsKey("sesamelockeduntil"));
        assertInstanceOf(SettingsOutcome.Locked.class, settings().changePassword(person.dn(), TestPeople.PASSWORD,
                NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));
        assertTrue(binds(person, TestPeople.PASSWORD));
        directory.services().clock.advance(Duration.ofMinutes(16));
        assertEquals(new SettingsOutcome.Saved(true), settings().changePassword(person.dn(), TestPeople.PASSWORD,
                NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));
    }

    @Test
    void theRightCurrentPasswordForgetsEarlierSigninFailures() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        settings().changePassword(person.dn(), "Faux-2026!", NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);
        settings().changePassword(person.dn(), "Faux-2026!", NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        settings().changePassword(person.dn(), TestPeople.PASSWORD, NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertFalse(entry(person).containsKey("sesamefailure"));
    }

    @Test
    void aNewPasswordAgainstThePolicyWritesNothing() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changePassword(person.dn(), TestPeople.PASSWORD, "court", "court",
                Locale.FRENCH, CLIENT);

        assertEquals(PasswordRule.TOO_SHORT,
                ((SettingsOutcome.PasswordRefused) outcome).problems().get(0).rule());
        assertOnlyChanged(before, entry(person));
        assertTrue(binds(person, TestPeople.PASSWORD));
    }

    @Test
    void theCurrentPasswordCannotBeChosenAgain() {
        Person person = TestPeople.activatedStudent(directory.admin());

        SettingsOutcome outcome = settings().changePassword(person.dn(), TestPeople.PASSWORD, TestPeople.PASSWORD,
                TestPeople.PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(PasswordRule.REUSED, ((SettingsOutcome.PasswordRefused) outcome).problems().get(0).rule());
    }

    @Test
    void theJokerAnswerCannotBecomeThePassword() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "sesameJokerAnswer", new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash(NEW_PASSWORD));
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changePassword(person.dn(), TestPeople.PASSWORD, NEW_PASSWORD,
                NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.PasswordIsJokerAnswer(), outcome);
        assertOnlyChanged(before, entry(person));
    }

    @Test
    void aJokerChangeWritesTheQuestionAndHashedAnswerAndEndsTheHelpdeskRequest() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "sesameJokerResetRequired", "TRUE");
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changeJoker(person.dn(), TestPeople.PASSWORD, "  Quel est mon livre préféré ? ",
                "Les Misérables", Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Saved(true), outcome);
        Map<String, Set<String>> after = entry(person);
        assertOnlyChanged(before, after, "sesameJokerQuestion", "sesameJokerAnswer", "sesameJokerResetRequired");
        assertEquals(Set.of("Quel est mon livre préféré ?"), after.get("sesamejokerquestion"));
        String hash = after.get("sesamejokeranswer").iterator().next();
        assertTrue(JokerAnswers.matches("les miserables", hash));
        assertFalse(hash.contains("Misérables"));
        assertFalse(after.containsKey("sesamejokerresetrequired"));
        assertEquals(AuditEvent.JOKER_CHANGED, onlyEvent(person).event());
        MimeMessage mail = onlyMail(person);
        assertEquals("Votre compte a été modifié", Inbox.subject(mail));
        assertTrue(Inbox.text(mail).contains("nouvelle question joker et nouvelle réponse"), Inbox.text(mail));
        assertTrue(Inbox.text(mail).contains("Si vous n’êtes pas à l’origine de ce changement"));
        assertFalse(Inbox.text(mail).contains("Misérables"));
    }

    @Test
    void aJokerChangeWithAWrongCurrentPasswordWritesNoJoker() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changeJoker(person.dn(), "Pas-Le-Bon-2026!", "Quel est mon livre préféré ?",
                "Les Misérables", Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.WrongPassword(4), outcome);
        assertOnlyChanged(before, entry(person), "sesameFailure");
    }

    @Test
    void unsuitableQuestionsAndAnswersAreRefusedAndWriteNothing() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        Map<String, Set<String>> before = entry(person);

        assertEquals(new SettingsOutcome.QuestionRefused(), settings().changeJoker(person.dn(), TestPeople.PASSWORD,
                "Qui?", "Les Misérables", Locale.FRENCH, CLIENT));
        assertEquals(new SettingsOutcome.AnswerRefused(JokerAnswers.Problem.TRIVIAL), settings().changeJoker(
                person.dn(), TestPeople.PASSWORD, "Quel est mon livre préféré ?", "azerty", Locale.FRENCH, CLIENT));
        assertEquals(new SettingsOutcome.AnswerRefused(JokerAnswers.Problem.SAME_AS_PASSWORD), settings().changeJoker(
                person.dn(), TestPeople.PASSWORD, "Quel est mon livre préféré ?", TestPeople.PASSWORD, Locale.FRENCH,
                CLIENT));
        assertEquals(new SettingsOutcome.AnswerRefused(JokerAnswers.Problem.SAME_AS_LOGIN), settings().changeJoker(
                person.dn(), TestPeople.PASSWORD, "Quel est mon livre préféré ?", person.login(), Locale.FRENCH, CLIENT));

        assertOnlyChanged(before, entry(person));
    }

    @Test
    void smsConsentAndMobileAreWrittenLeavingOtherConsentsAlone() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "supannConsentement", "{AUTRE}NEWSLETTER");
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changeSms(person.dn(), true, "06 12 34 56 78", Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Saved(true), outcome);
        Map<String, Set<String>> after = entry(person);
        assertOnlyChanged(before, after, "mobile", "supannConsentement");
        assertEquals(Set.of("+33612345678"), after.get("mobile"));
        assertEquals(Set.of("{AUTRE}NEWSLETTER", "{SESAME}SMS"), after.get("supannconsentement"));
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.SMS_PREFERENCES_CHANGED, event.event());
        assertEquals(Map.of("flow", "account", "sms", "yes", "mobile", "set"), event.details());
        assertTrue(Inbox.text(onlyMail(person)).contains("préférences d’alertes SMS"));
    }

    @Test
    void withdrawingTheSmsConsentAndEmptyingTheNumberRemovesBoth() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "supannConsentement", "{SESAME}SMS", "{AUTRE}NEWSLETTER");
        TestPeople.set(directory.admin(), person, "mobile", "+33612345678");
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changeSms(person.dn(), false, "  ", Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Saved(true), outcome);
        Map<String, Set<String>> after = entry(person);
        assertOnlyChanged(before, after, "mobile", "supannConsentement");
        assertFalse(after.containsKey("mobile"));
        assertEquals(Set.of("{AUTRE}NEWSLETTER"), after.get("supannconsentement"));
    }

    @Test
    void smsAlertsNeedAValidMobileNumberAndARefusalWritesNothing() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        Map<String, Set<String>> before = entry(person);

        assertEquals(new SettingsOutcome.MobileRequired(),
                settings().changeSms(person.dn(), true, "", Locale.FRENCH, CLIENT));
        assertEquals(new SettingsOutcome.MobileInvalid(),
                settings().changeSms(person.dn(), true, "01 23 45 67 89", Locale.FRENCH, CLIENT));
        assertEquals(new SettingsOutcome.MobileInvalid(),
                settings().changeSms(person.dn(), false, "pas un numéro", Locale.FRENCH, CLIENT));

        assertOnlyChanged(before, entry(person));
        assertEquals(List.of(), new Inbox(directory.services().mail, person.personalEmail()).mails());
    }

    @Test
    void savingTheSameSmsChoicesWritesAndMailsNothing() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "supannConsentement", "{SESAME}SMS");
        TestPeople.set(directory.admin(), person, "mobile", "+33612345678");
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changeSms(person.dn(), true, "06.12.34.56.78", Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Unchanged(), outcome);
        assertOnlyChanged(before, entry(person));
        assertEquals(List.of(), new Inbox(directory.services().mail, person.personalEmail()).mails());
    }

    @Test
    void photoAndDirectoryChoicesAreWrittenAndNothingElse() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "supannConsentement", "{SESAME}SMS");
        Map<String, Set<String>> before = entry(person);

        SettingsOutcome outcome = settings().changePrivacy(person.dn(), true, false, Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Saved(true), outcome);
        Map<String, Set<String>> after = entry(person);
        assertOnlyChanged(before, after, "supannConsentement", "supannListeRouge");
        assertEquals(Set.of("{SESAME}SMS", "{SESAME}PHOTO"), after.get("supannconsentement"));
        assertEquals(Set.of("TRUE"), after.get("supannlisterouge"));
        AuditRecord event = onlyEvent(person);
        assertEquals(AuditEvent.PRIVACY_PREFERENCES_CHANGED, event.event());
        assertEquals(Map.of("flow", "account", "photo", "yes", "directory", "hidden"), event.details());
        assertTrue(Inbox.text(onlyMail(person)).contains("usage de votre photo et visibilité dans l’annuaire interne"));
    }

    @Test
    void theNoticeIsWrittenInThePageLanguage() {
        Person person = TestPeople.activatedStudent(directory.admin());

        settings().changePrivacy(person.dn(), false, false, Locale.ENGLISH, CLIENT);

        MimeMessage mail = onlyMail(person);
        assertEquals("Your account was changed", Inbox.subject(mail));
        assertTrue(Inbox.text(mail).contains("visibility in the internal directory"), Inbox.text(mail));
    }

    @Test
    void whenMailCannotLeaveTheChangeStillStandsAndSaysSo() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        directory.services().mail.stop();

        SettingsOutcome outcome = settings().changePrivacy(person.dn(), true, true, Locale.FRENCH, CLIENT);

        assertEquals(new SettingsOutcome.Saved(false), outcome);
        assertTrue(entry(person).get("supannconsentement").contains("{SESAME}PHOTO"));
    }

    @Test
    void aClosedAccountCannotBeChanged() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "supannRessourceEtat", "{COMPTE}I:SupannInactif");
        Map<String, Set<String>> before = entry(person);

        assertEquals(new SettingsOutcome.NotAllowed(),
                settings().changePrivacy(person.dn(), true, true, Locale.FRENCH, CLIENT));
        assertEquals(new SettingsOutcome.NotAllowed(), settings().changePassword(person.dn(), TestPeople.PASSWORD,
                NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));

        assertOnlyChanged(before, entry(person));
    }

    @Test
    void theOverviewShowsTheAccountAndItsRecentEventsNewestFirst() {
        Person person = TestPeople.activatedStudent(directory.admin());
        settings().changeSms(person.dn(), true, "0712345678", Locale.FRENCH, CLIENT);
        directory.services().clock.advance(Duration.ofMinutes(5));
        settings().changePrivacy(person.dn(), true, true, Locale.FRENCH, "198.51.100.7");

        AccountOverview overview = settings().overview(person.dn());

        assertEquals(person.login(), overview.login());
        assertEquals(person.uid(), overview.uid());
        assertEquals("Camille Test", overview.displayName());
        assertEquals(List.of(Affiliation.STUDENT, Affiliation.MEMBER), overview.affiliations());
        assertNotNull(overview.createdAt(), "createTimestamp is read");
        assertNull(overview.passwordChangedAt());
        assertEquals(person.personalEmail(), overview.personalEmail());
        assertEquals("+33712345678", overview.mobile());
        assertEquals(TestPeople.QUESTION, overview.jokerQuestion());
        assertTrue(overview.smsAlerts());
        assertTrue(overview.photoUse());
        assertTrue(overview.listedInDirectory());
        assertEquals(List.of(AuditEvent.PRIVACY_PREFERENCES_CHANGED, AuditEvent.SMS_PREFERENCES_CHANGED),
                overview.recentEvents().stream().map(AccountOverview.Event::event).toList());
        AccountOverview.Event newest = overview.recentEvents().get(0);
        assertEquals("198.51.100.7", newest.clientAddress());
        assertEquals(directory.services().clock.instant(), newest.at());
        assertFalse(newest.byAgent());
    }

    /** The entry's attributes, user and operational, by lower-case name. */
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

    private AuditRecord onlyEvent(Person person) {
        List<AuditRecord> events = directory.services().people.getByDn(person.dn())
                .values(fr.sesame.directory.AccountField.SECURITY_EVENT).stream()
                .map(AuditRecord::fromJson)
                .flatMap(java.util.Optional::stream)
                .toList();
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    private MimeMessage onlyMail(Person person) {
        List<MimeMessage> mails = new Inbox(directory.services().mail, person.personalEmail()).mails();
        assertEquals(1, mails.size());
        return mails.get(0);
    }

    private boolean binds(Person person, String password) throws LDAPException {
        return Binds.succeed(directory::connect, person.dn(), password);
    }
}
