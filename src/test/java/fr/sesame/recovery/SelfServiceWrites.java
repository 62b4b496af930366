package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.activation.ActivationChoices;
import fr.sesame.activation.ActivationOutcome;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.DirectoryException;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordRule;
import fr.sesame.recovery.PasswordRecoveryService.AnswerOutcome;
import fr.sesame.support.Binds;
import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.FlowServices;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the self-service flows write, checked on a directory: each flow's single modify, its atomicity,
 * the throttle counted in the directory and its expiry, and binds with the new and old passwords. Run on
 * the embedded directory ({@code SelfServiceWritesTest}) and on a real slapd ({@code SelfServiceWritesOnSlapdIT}).
 */
abstract class SelfServiceWrites {

    private static final String NEW_PASSWORD = "Velo-Soleil-2026!";
    private static final String CLIENT = "192.0.2.10";

    /** The directory under test, chosen by the concrete class: opened before each test, closed after it. */
    @RegisterExtension
    final DirectoryUnderTest directory;

    SelfServiceWrites(DirectoryUnderTest directory) {
        this.directory = directory;
    }

    private ActivationChoices choices(String jokerAnswerHash) {
        return new ActivationChoices("Ville de naissance ?", jokerAnswerHash, true, "+33612345678", false, true);
    }

    @Test
    void activationWritesEveryChoiceAndTheFirstPasswordAtOnce() throws Exception {
        Person person = TestPeople.newStudent(directory.admin());
        String answer = new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash("Lille");

        ActivationOutcome outcome = directory.services().activation.activate(person.dn(), choices(answer), NEW_PASSWORD,
                NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(new ActivationOutcome.Activated(true), outcome);
        SearchResultEntry entry = directory.admin().getEntry(person.dn(), "*");
        assertEquals("Ville de naissance ?", entry.getAttributeValue("sesameJokerQuestion"));
        assertEquals(answer, entry.getAttributeValue("sesameJokerAnswer"));
        assertEquals("+33612345678", entry.getAttributeValue("mobile"));
        assertTrue(entry.hasAttributeValue("supannConsentement", "{SESAME}SMS"));
        assertEquals("FALSE", entry.getAttributeValue("supannListeRouge"));
        assertEquals("20260901080000.000Z".substring(0, 14), entry.getAttributeValue("sesameActivatedAt").substring(0, 14));
        assertEquals(1, entry.getAttributeValues("sesamePasswordHistory").length);
        assertTrue(binds(person, NEW_PASSWORD));
        assertEquals(1, directory.services().mail.getReceivedMessages().length);
    }

    @Test
    void aRefusedActivationWritesNothingAtAll() throws Exception {
        Person person = TestPeople.newStudent(directory.admin());
        // An entry the administrator did not give the portal's class: the sesame* attributes are refused,
        // and with them everything else of the same modify (password, mobile, consents).
        TestPeople.set(directory.admin(), person, "objectClass", "top", "person", "organizationalPerson", "inetOrgPerson",
                "eduPerson", "supannPerson", "schacPersonalCharacteristics");
        SearchResultEntry before = directory.admin().getEntry(person.dn(), "*");
        String answer = new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash("Lille");

        assertThrows(DirectoryException.class, () -> directory.services().activation.activate(person.dn(), choices(answer),
                NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT));

        SearchResultEntry after = directory.admin().getEntry(person.dn(), "*");
        assertEquals(new java.util.HashSet<>(before.getAttributes()), new java.util.HashSet<>(after.getAttributes()));
        assertFalse(binds(person, NEW_PASSWORD));
    }

    @Test
    void whenMailCannotLeaveTheActivationStillStandsAndSaysSo() throws Exception {
        Person person = TestPeople.newStudent(directory.admin());
        directory.services().mail.stop();
        String answer = new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash("Lille");

        ActivationOutcome outcome = directory.services().activation.activate(person.dn(), choices(answer), NEW_PASSWORD,
                NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(new ActivationOutcome.Activated(false), outcome);
        assertTrue(binds(person, NEW_PASSWORD));
    }

    @Test
    void activatingTwiceActivatesOnce() throws Exception {
        Person person = TestPeople.newStudent(directory.admin());
        String answer = new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash("Lille");
        directory.services().activation.activate(person.dn(), choices(answer), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        ActivationOutcome second = directory.services().activation.activate(person.dn(), choices(answer), "Autre-Chemin-2026!",
                "Autre-Chemin-2026!", Locale.FRENCH, CLIENT);

        assertEquals(new ActivationOutcome.AlreadyActive(), second);
        assertTrue(binds(person, NEW_PASSWORD));
    }

    @Test
    void aResetWritesTheNewPasswordRotatesTheHistoryAndTheOldPasswordStopsWorking() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        TestPeople.set(directory.admin(), person, "sesameToken", "reset$20260901200000Z$$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA");

        RecoveryOutcome outcome = directory.services().recovery.reset(person.dn(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(new RecoveryOutcome.PasswordChanged(true), outcome);
        assertTrue(binds(person, NEW_PASSWORD));
        assertFalse(binds(person, TestPeople.PASSWORD));
        SearchResultEntry entry = directory.admin().getEntry(person.dn(), "*");
        assertEquals(1, entry.getAttributeValues("sesamePasswordHistory").length);
        assertFalse(entry.hasAttribute("sesameToken"), "a password change ends any pending reset link");
        assertTrue(entry.hasAttribute("sesamePasswordChangedAt"));
    }

    @Test
    void aPasswordStillInTheHistoryIsRefused() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        directory.services().recovery.reset(person.dn(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        RecoveryOutcome again = directory.services().recovery.reset(person.dn(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);

        assertEquals(PasswordRule.REUSED, ((RecoveryOutcome.PasswordRefused) again).problems().get(0).rule());
        assertTrue(binds(person, NEW_PASSWORD));
    }

    @Test
    void theCurrentPasswordCountsAsUsedEvenWithoutHistory() {
        Person person = TestPeople.activatedStudent(directory.admin());

        RecoveryOutcome same = directory.services().recovery.reset(person.dn(), TestPeople.PASSWORD, TestPeople.PASSWORD,
                Locale.FRENCH, CLIENT);

        assertEquals(PasswordRule.REUSED, ((RecoveryOutcome.PasswordRefused) same).problems().get(0).rule());
    }

    @Test
    void twoChangesAtTheSameInstantAreBothAudited() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());

        directory.services().recovery.reset(person.dn(), NEW_PASSWORD, NEW_PASSWORD, Locale.FRENCH, CLIENT);
        directory.services().recovery.reset(person.dn(), "Autre-Chemin-2026!", "Autre-Chemin-2026!", Locale.FRENCH, CLIENT);

        assertEquals(2, directory.admin().getEntry(person.dn(), "sesameSecurityEvent").getAttributeValues("sesameSecurityEvent").length);
    }

    @Test
    void threeWrongJokerAnswersLockTheAccountInTheDirectoryUntilTheLockExpires() throws Exception {
        Person person = TestPeople.activatedStudent(directory.admin());
        FlowServices services = directory.services();

        assertInstanceOf(AnswerOutcome.Wrong.class, services.recovery.answer(person.dn(), "Rex", CLIENT));
        assertInstanceOf(AnswerOutcome.Wrong.class, services.recovery.answer(person.dn(), "Rex", CLIENT));
        AnswerOutcome third = services.recovery.answer(person.dn(), "Rex", CLIENT);

        assertInstanceOf(AnswerOutcome.Locked.class, third);
        assertTrue(directory.admin().getEntry(person.dn()).hasAttribute("sesameLockedUntil"));
        assertInstanceOf(AnswerOutcome.Locked.class, services.recovery.answer(person.dn(), TestPeople.ANSWER, CLIENT),
                "even the right answer waits for the lock to end");
        services.clock.advance(Duration.ofMinutes(31));
        assertInstanceOf(AnswerOutcome.Accepted.class, services.recovery.answer(person.dn(), " médor ", CLIENT));
        Account after = services.people.getByDn(person.dn());
        assertEquals(0, services.throttle.recentFailures(after, fr.sesame.security.FailureKind.JOKER));
        assertTrue(after.value(AccountField.JOKER_ANSWER).orElseThrow().startsWith("$argon2id$"));
    }

    private boolean binds(Person person, String password) throws LDAPException {
        return Binds.succeed(directory::connect, person.dn(), password);
    }
}
