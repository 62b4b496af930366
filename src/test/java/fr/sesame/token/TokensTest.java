package fr.sesame.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.AttributeMap;
import fr.sesame.directory.ConcurrentChangeException;
import fr.sesame.directory.DirectoryConnections;
import fr.sesame.directory.DirectoryException;
import fr.sesame.directory.EmbeddedDirectory;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.support.MutableClock;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens as {@link Tokens} makes, stores, finds and consumes them, on the embedded directory. */
class TokensTest {

    private static final Pattern URL_SAFE_43 = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern STORED = Pattern.compile(
            "reset\\$[0-9]{14}\\.[0-9]{3}Z\\$\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    private EmbeddedDirectory directory;
    private DirectoryConnections connections;
    private PeopleDirectory people;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));
    private Tokens tokens;

    @BeforeEach
    void start() {
        directory = EmbeddedDirectory.start(0);
        connections = DirectoryConnections.open(directory.settings());
        people = new PeopleDirectory(connections, AttributeMap.defaults());
        tokens = new Tokens(people, new Argon2Hasher(1024, 1, 1), clock);
    }

    @AfterEach
    void stop() {
        connections.close();
        directory.close();
    }

    @Test
    void aTokenIs256RandomBitsInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String token = Tokens.newToken();
            assertTrue(URL_SAFE_43.matcher(token).matches(), token);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            seen.add(token);
        }
        assertEquals(2000, seen.size(), "no token comes twice");
    }

    @Test
    void onlyTheTokensArgon2idHashIsStoredWithItsPurposeAndExpiry() {
        Person person = TestPeople.activatedStudent(directory.server());

        Tokens.Issued issued = issueAndApply(person, TokenPurpose.RESET);

        List<String> values = account(person).values(AccountField.TOKEN);
        assertEquals(1, values.size());
        String value = values.get(0);
        assertTrue(STORED.matcher(value).matches(), value);
        assertFalse(value.contains(issued.token()));
        assertTrue(value.startsWith("reset$20260901200000.000Z$"), value);
        assertEquals(Instant.parse("2026-09-01T20:00:00Z"), issued.expiresAt());
        assertTrue(Argon2Hasher.matches(issued.token(), value.substring(value.indexOf("$$") + 1)));
        assertFalse(issued.toString().contains(issued.token()));
    }

    @Test
    void aTokenIsFoundForItsAccountUntilItExpires() {
        Person person = TestPeople.activatedStudent(directory.server());
        Tokens.Issued issued = issueAndApply(person, TokenPurpose.RESET);

        clock.advance(TWELVE_HOURS.minusSeconds(1));
        Optional<Tokens.ValidToken> found = tokens.find(person.uid(), issued.token(), TokenPurpose.RESET);
        assertEquals(person.dn(), found.orElseThrow().account().dn());
        assertEquals(issued.expiresAt(), found.get().expiresAt());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tokens.find(person.uid(), issued.token(), TokenPurpose.RESET));
    }

    @Test
    void aTokenWorksForNoOtherAccountNoOtherPurposeAndNoAlteredForm() {
        Person person = TestPeople.activatedStudent(directory.server());
        Person other = TestPeople.activatedStudent(directory.server());
        String token = issueAndApply(person, TokenPurpose.RESET).token();
        issueAndApply(other, TokenPurpose.RESET);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertEquals(Optional.empty(), tokens.find(other.uid(), token, TokenPurpose.RESET));
        assertEquals(Optional.empty(), tokens.find(person.uid(), token, TokenPurpose.EMAIL));
        assertEquals(Optional.empty(), tokens.find(person.uid(), tampered, TokenPurpose.RESET));
        assertEquals(Optional.empty(), tokens.find(person.uid(), token.substring(1), TokenPurpose.RESET));
        assertEquals(Optional.empty(), tokens.find(person.uid(), token + "A", TokenPurpose.RESET));
        assertEquals(Optional.empty(), tokens.find("no-such-uid", token, TokenPurpose.RESET));
        assertEquals(Optional.empty(), tokens.find(null, token, TokenPurpose.RESET));
        assertEquals(Optional.empty(), tokens.find(person.uid(), null, TokenPurpose.RESET));
        assertTrue(tokens.find(person.uid(), token, TokenPurpose.RESET).isPresent());
    }

    @Test
    void aNewTokenReplacesTheEarlierOneOfItsPurposeAndDropsExpiredOnes() {
        Person person = TestPeople.activatedStudent(directory.server());
        String expiredEmail = issueAndApply(person, TokenPurpose.EMAIL, Duration.ofMinutes(5)).token();
        String first = issueAndApply(person, TokenPurpose.RESET).token();
        clock.advance(Duration.ofMinutes(10));

        String second = issueAndApply(person, TokenPurpose.RESET).token();

        assertEquals(Optional.empty(), tokens.find(person.uid(), first, TokenPurpose.RESET));
        assertTrue(tokens.find(person.uid(), second, TokenPurpose.RESET).isPresent());
        assertEquals(Optional.empty(), tokens.find(person.uid(), expiredEmail, TokenPurpose.EMAIL));
        assertEquals(1, account(person).values(AccountField.TOKEN).size(), "the expired email token is gone too");
    }

    @Test
    void aTokenOfAnotherPurposeStaysWhenOneIsIssued() {
        Person person = TestPeople.activatedStudent(directory.server());
        String email = issueAndApply(person, TokenPurpose.EMAIL).token();

        issueAndApply(person, TokenPurpose.RESET);

        assertTrue(tokens.find(person.uid(), email, TokenPurpose.EMAIL).isPresent());
        assertEquals(2, account(person).values(AccountField.TOKEN).size());
    }

    @Test
    void aConsumedTokenIsGoneAndASecondUseOfTheSameReadFails() {
        Person person = TestPeople.activatedStudent(directory.server());
        String token = issueAndApply(person, TokenPurpose.EMAIL).token();
        Tokens.ValidToken firstTab = tokens.find(person.uid(), token, TokenPurpose.EMAIL).orElseThrow();
        Tokens.ValidToken secondTab = tokens.find(person.uid(), token, TokenPurpose.EMAIL).orElseThrow();

        AccountUpdate first = AccountUpdate.of(firstTab.account()).set(AccountField.PENDING_EMAIL);
        tokens.consume(first, firstTab);
        people.apply(first);
        AccountUpdate second = AccountUpdate.of(secondTab.account()).set(AccountField.PENDING_EMAIL);
        tokens.consume(second, secondTab);

        // OpenLDAP refuses it as a failed assertion; the embedded server finds the value to remove gone first.
        assertThrows(DirectoryException.class, () -> people.apply(second));
        assertEquals(Optional.empty(), tokens.find(person.uid(), token, TokenPurpose.EMAIL));
        assertFalse(account(person).has(AccountField.TOKEN));
    }

    @Test
    void twoIssuesFromTheSameReadCannotBothBeStored() {
        Person person = TestPeople.activatedStudent(directory.server());
        Account read = account(person);
        Tokens.Issued first = tokens.issue(read, TokenPurpose.RESET, TWELVE_HOURS);
        Tokens.Issued second = tokens.issue(read, TokenPurpose.RESET, TWELVE_HOURS);

        people.apply(first.update());

        assertThrows(ConcurrentChangeException.class, () -> people.apply(second.update()));
        assertEquals(1, account(person).values(AccountField.TOKEN).size());
    }

    @Test
    void storedValuesThatAreNotTokensAreIgnored() {
        assertEquals(Optional.empty(), StoredToken.parse("reset$notatime$$argon2id$x"));
        assertEquals(Optional.empty(), StoredToken.parse("unknown$20260901200000.000Z$$argon2id$x"));
        assertEquals(Optional.empty(), StoredToken.parse("reset$20260901200000.000Z$"));
        assertEquals(Optional.empty(), StoredToken.parse("reset"));
        StoredToken parsed = StoredToken.parse("email$20260901200000Z$$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA").orElseThrow();
        assertEquals(TokenPurpose.EMAIL, parsed.purpose());
        assertEquals(Instant.parse("2026-09-01T20:00:00Z"), parsed.expiresAt());
        assertEquals("$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA", parsed.hash());
    }

    @Test
    void aLifetimeMustBePositive() {
        Person person = TestPeople.activatedStudent(directory.server());
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(account(person), TokenPurpose.RESET, Duration.ZERO));
    }

    private Tokens.Issued issueAndApply(Person person, TokenPurpose purpose) {
        return issueAndApply(person, purpose, TWELVE_HOURS);
    }

    private Tokens.Issued issueAndApply(Person person, TokenPurpose purpose, Duration lifetime) {
        Tokens.Issued issued = tokens.issue(account(person), purpose, lifetime);
        people.apply(issued.update());
        return issued;
    }

    private Account account(Person person) {
        return people.getByDn(person.dn());
    }
}
