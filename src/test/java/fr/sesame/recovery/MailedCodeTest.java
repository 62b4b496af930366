package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.recovery.MailedCode.Check;
import fr.sesame.support.FlowServices;
import fr.sesame.support.Inbox;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailedCodeTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");

    @Test
    void theRightCodeIsAcceptedOnceSpacesIgnored() {
        MailedCode.Issued issued = MailedCode.issue(NOW.plusSeconds(900));

        assertTrue(issued.digits().matches("[0-9]{6}"));
        String spaced = issued.digits().substring(0, 3) + " " + issued.digits().substring(3);
        assertEquals(Check.ACCEPTED, issued.code().check(spaced, NOW));
        assertEquals(Check.EXPIRED, issued.code().check(issued.digits(), NOW), "a code serves once");
    }

    @Test
    void threeWrongCodesEndTheCode() {
        MailedCode.Issued issued = MailedCode.issue(NOW.plusSeconds(900));
        String wrong = issued.digits().equals("000000") ? "111111" : "000000";

        assertEquals(Check.WRONG, issued.code().check(wrong, NOW));
        assertEquals(Check.WRONG, issued.code().check(wrong, NOW));
        assertEquals(Check.NO_MORE_TRIES, issued.code().check(wrong, NOW));
        assertEquals(Check.NO_MORE_TRIES, issued.code().check(issued.digits(), NOW));
    }

    @Test
    void aCodePastItsLifetimeIsExpired() {
        MailedCode.Issued issued = MailedCode.issue(NOW.plusSeconds(900));

        assertEquals(Check.EXPIRED, issued.code().check(issued.digits(), NOW.plus(Duration.ofMinutes(16))));
    }

    @Test
    void theStricterModeMailsACodeThatOpensTheJokerStep() {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start(0);
                FlowServices services = new FlowServices(directory.settings(), Map.of("sesame.recovery.mail-code", "true"))) {
            Person person = TestPeople.activatedStudent(directory.server());

            MailedCode code = services.recovery.mailCode(person.dn(), Locale.FRENCH).orElseThrow();

            String text = Inbox.text(new Inbox(services.mail, person.personalEmail()).awaitNewest());
            Matcher digits = Pattern.compile("\\b([0-9]{6})\\b").matcher(text);
            assertTrue(digits.find(), text);
            assertTrue(services.recovery.requiresMailedCode());
            assertEquals(Check.ACCEPTED, services.recovery.checkCode(code, digits.group(1)));
        }
    }
}
