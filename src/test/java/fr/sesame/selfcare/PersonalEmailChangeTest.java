package fr.sesame.selfcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.audit.AuditTrail;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.mail.MailComposer;
import fr.sesame.mail.MailSender;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.selfcare.PersonalEmailChange.Outcome;
import fr.sesame.support.FlowServices;
import fr.sesame.support.Inbox;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import fr.sesame.token.Tokens;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changing the personal email takes effect only through the link mailed to the new address. */
class PersonalEmailChangeTest {

    private static final String NEW_ADDRESS = "nouvelle.adresse@exemple.org";
    private static final String CLIENT = "192.0.2.20";
    private static final Pattern LINK = Pattern.compile("confirm-email\\.xhtml\\?u=([^&\\s]+)&t=([A-Za-z0-9_-]+)");

    private EmbeddedDirectory directory;
    private FlowServices services;
    private PersonalEmailChange change;

    @BeforeEach
    void start() {
        directory = EmbeddedDirectory.start(0);
        services = new FlowServices(directory.settings());
        change = new PersonalEmailChange(services.people, new Tokens(services.people, new Argon2Hasher(1024, 1, 1), services.clock),
                new AuditTrail(services.people), new MailSender(services.config.mail()), new MailComposer(services.config),
                services.config, services.clock);
    }

    @AfterEach
    void stop() {
        services.close();
        directory.close();
    }

    @Test
    void theNewAddressIsPendingUntilItsLinkIsFollowedThenReplacesTheOldOne() throws Exception {
        Person person = TestPeople.activatedStudent(directory.server());

        assertEquals(new Outcome.LinkSent(true), change.request(person.dn(), NEW_ADDRESS, Locale.FRENCH, CLIENT));

        SearchResultEntry pending = directory.server().getEntry(person.dn(), "*");
        assertEquals(person.personalEmail(), pending.getAttributeValue("supannMailPerso"), "nothing changes yet");
        assertEquals(NEW_ADDRESS, pending.getAttributeValue("sesamePendingMail"));
        Matcher link = LINK.matcher(Inbox.text(new Inbox(services.mail, NEW_ADDRESS).awaitNewest()));
        assertTrue(link.find());
        assertFalse(pending.getAttributeValue("sesameToken").contains(link.group(2)), "only the token's hash is stored");

        Outcome confirmed = change.confirm(person.dn(), link.group(1), link.group(2), Locale.FRENCH, CLIENT);

        assertEquals(new Outcome.Confirmed(NEW_ADDRESS), confirmed);
        SearchResultEntry after = directory.server().getEntry(person.dn(), "*");
        assertEquals(NEW_ADDRESS, after.getAttributeValue("supannMailPerso"));
        assertFalse(after.hasAttribute("sesamePendingMail"));
        assertFalse(after.hasAttribute("sesameToken"));
        assertEquals(1, new Inbox(services.mail, person.personalEmail()).mails().size(), "the old address is told");
        assertEquals(2, new Inbox(services.mail, NEW_ADDRESS).mails().size(), "the link, then the notice");
        assertInstanceOf(Outcome.LinkNotValid.class,
                change.confirm(person.dn(), link.group(1), link.group(2), Locale.FRENCH, CLIENT), "a link serves once");
    }

    @Test
    void aLinkWorksOnlyForTheAccountItWasSentFor() throws Exception {
        Person person = TestPeople.activatedStudent(directory.server());
        Person other = TestPeople.activatedStudent(directory.server());
        change.request(person.dn(), NEW_ADDRESS, Locale.FRENCH, CLIENT);
        Matcher link = LINK.matcher(Inbox.text(new Inbox(services.mail, NEW_ADDRESS).awaitNewest()));
        assertTrue(link.find());

        assertInstanceOf(Outcome.LinkNotValid.class,
                change.confirm(other.dn(), link.group(1), link.group(2), Locale.FRENCH, CLIENT));
        assertInstanceOf(Outcome.LinkNotValid.class,
                change.confirm(person.dn(), link.group(1), link.group(2) + "x", Locale.FRENCH, CLIENT));
        assertEquals(person.personalEmail(), directory.server().getEntry(person.dn()).getAttributeValue("supannMailPerso"));
    }

    @Test
    void anythingButOneAddressIsRefusedBeforeAnyWrite() throws Exception {
        Person person = TestPeople.activatedStudent(directory.server());

        assertInstanceOf(Outcome.NotAnEmail.class, change.request(person.dn(), "a@b.org, c@d.org", Locale.FRENCH, CLIENT));
        assertInstanceOf(Outcome.NotAnEmail.class, change.request(person.dn(), "a@b.org\r\nBcc: x@y.org", Locale.FRENCH, CLIENT));
        assertInstanceOf(Outcome.SameAsCurrent.class, change.request(person.dn(), person.personalEmail(), Locale.FRENCH, CLIENT));
        assertFalse(directory.server().getEntry(person.dn()).hasAttribute("sesamePendingMail"));
    }
}
