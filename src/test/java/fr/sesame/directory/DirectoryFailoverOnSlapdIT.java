package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.activation.ActivationChoices;
import fr.sesame.activation.ActivationOutcome;
import fr.sesame.audit.AuditEvent;
import fr.sesame.identification.Identification;
import fr.sesame.identification.IdentificationResult;
import fr.sesame.identification.IdentifierKind;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.UserPasswordHasher;
import fr.sesame.recovery.PasswordRecoveryService.AnswerOutcome;
import fr.sesame.recovery.RecoveryOutcome;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.support.FlowServices;
import fr.sesame.support.SlapdPair;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import fr.sesame.support.WholeWrites;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One provider of an OpenLDAP multi-provider pair ({@link SlapdPair}, replicating as
 * {@code ldap-schema/openldap/05-multi-provider-example.ldif} says) dies while the portal's services, wired with both
 * URLs, run real flows. Writers loop on people of their own through the forgotten password by joker (identify,
 * answer, new password) and activation (identify, the wizard's single write); a reader identifies people and checks
 * their passwords as sign-in does. Provider 1 is killed (SIGKILL, as a crash) once every thread has done some work.
 *
 * <p>It proves that flows and reads go on on provider 2, that only those in flight at the kill fail (at most one per
 * thread), and that nothing is half-written: on provider 2 while provider 1 is away, then on both once provider 1 is
 * restarted and caught up by replication, every entry is wholly what one flow wrote (password, history, change
 * time and security event; or every activation field) or wholly untouched, is never older than what was
 * acknowledged, and both providers hold the same entries. While provider 1 is away, provider 2 may lack a write that
 * provider 1 acknowledged in the instant before it died (replication is asynchronous): at most one per writer, and it
 * must be back once provider 1 is.
 */
class DirectoryFailoverOnSlapdIT {

    private static final int WRITERS = 2;
    private static final int REGULARS_PER_WRITER = 3;
    private static final int NEWCOMERS_PER_WRITER = 6;
    private static final int SUCCESSES_BEFORE_KILL = 2;
    private static final int SUCCESSES_AFTER_KILL = 3;
    private static final int READS_AFTER_KILL = 10;
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final String CLIENT = "192.0.2.50";
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Flow { JOKER_RESET, ACTIVATION, READ }

    /** One flow run by a thread: what it sent, when, and how it ended ({@code failure} null when it succeeded). */
    private record Attempt(Flow flow, Person person, String password, String question, String answer, long start,
            long end, String failure) {

        boolean succeeded() {
            return failure == null;
        }

        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }
    }

    private FlowServices services;
    private Identification identification;
    private volatile boolean running = true;

    @Test
    void flowsGoOnOnTheOtherProviderAndNothingIsHalfWritten() throws Exception {
        try (SlapdPair pair = SlapdPair.start()) {
            List<Writer> writers = new ArrayList<>();
            Reader reader;
            try (LDAPConnection admin = pair.provider(1).connectAsAdmin()) {
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(new Writer(Stream.generate(() -> TestPeople.activatedStudent(admin))
                            .limit(REGULARS_PER_WRITER).toList(),
                            Stream.generate(() -> TestPeople.newStudent(admin)).limit(NEWCOMERS_PER_WRITER).toList()));
                }
                reader = new Reader(List.of(TestPeople.activatedStudent(admin), TestPeople.activatedStudent(admin)));
            }
            pair.awaitInSync(CATCH_UP_TIMEOUT);

            Kill kill = runFlowsAndKillProvider1(pair, writers, reader);

            List<Attempt> failed = Stream.concat(reader.attempts.stream(), writers.stream().flatMap(w -> w.attempts.stream()))
                    .filter(a -> !a.succeeded())
                    .toList();
            for (Attempt failure : failed) {
                assertTrue(failure.overlaps(kill.start(), kill.end()),
                        "a flow failed that was not in flight when provider 1 died: " + failure);
            }
            assertTrue(failed.size() <= WRITERS + 1, "more failures than threads: " + failed);
            assertTrue(writers.stream().anyMatch(w -> w.attempts.stream()
                            .anyMatch(a -> a.flow() == Flow.ACTIVATION && a.succeeded() && a.start() > kill.end())),
                    "no activation completed after the kill");

            List<Attempt> missingOnSecond = new ArrayList<>();
            try (LDAPConnection second = pair.provider(2).connectAsAdmin()) {
                for (Writer writer : writers) {
                    missingOnSecond.addAll(checkEntries(second, writer));
                }
            }
            for (Attempt missing : missingOnSecond) {
                assertTrue(missing.start() < kill.end(),
                        "provider 2 lacks a write it acknowledged itself, after the kill: " + missing);
            }
            assertTrue(missingOnSecond.size() <= WRITERS,
                    "provider 2 lacks more than the last write of each writer before the kill: " + missingOnSecond);

            pair.provider(1).restart();
            pair.awaitInSync(CATCH_UP_TIMEOUT);

            try (LDAPConnection first = pair.provider(1).connectAsAdmin();
                    LDAPConnection second = pair.provider(2).connectAsAdmin()) {
                for (Writer writer : writers) {
                    assertEquals(List.of(), checkEntries(first, writer), "acknowledged writes missing on provider 1");
                    // Provider 2 holds the very same entries, so they are as whole as provider 1's.
                    for (Person person : writer.everyone()) {
                        assertEquals(first.getEntry(person.dn(), "*", "entryCSN"),
                                second.getEntry(person.dn(), "*", "entryCSN"), "the providers differ on " + person.dn());
                    }
                }
            }
        }
    }

    /** When provider 1 was killed: from just before the signal to the end of its process. */
    private record Kill(long start, long end) {}

    /**
     * Runs the threads on the portal's services wired with both URLs, kills provider 1 once each has done some work,
     * and stops them once each has done more on provider 2.
     */
    private Kill runFlowsAndKillProvider1(SlapdPair pair, List<Writer> writers, Reader reader) throws Exception {
        // A history of two passwords: each reset then costs fewer slow hashes, and the test less time.
        services = new FlowServices(pair.serviceSettings(), Map.of("sesame.password.history-size", "2"));
        try {
            identification = new Identification(services.people, services.config.throttle(), ResponseTimeFloor.none(),
                    services.config.identifierFormats(), services.clock);
            List<Thread> threads = new ArrayList<>();
            for (Runnable work : Stream.concat(writers.stream(), Stream.of(reader)).toList()) {
                Thread thread = new Thread(work, "failover-" + threads.size());
                threads.add(thread);
                thread.start();
            }
            awaitUntil("every thread working on provider 1", writers, reader, () -> writers.stream()
                    .allMatch(w -> successesSince(w.attempts, 0) >= SUCCESSES_BEFORE_KILL)
                    && successesSince(reader.attempts, 0) >= SUCCESSES_BEFORE_KILL);

            long start = System.nanoTime();
            pair.provider(1).kill();
            Kill kill = new Kill(start, System.nanoTime());

            awaitUntil("flows and reads completing on provider 2", writers, reader, () -> writers.stream()
                    .allMatch(w -> successesSince(w.attempts, kill.end()) >= SUCCESSES_AFTER_KILL)
                    && successesSince(reader.attempts, kill.end()) >= READS_AFTER_KILL);
            running = false;
            for (Thread thread : threads) {
                thread.join(PHASE_TIMEOUT.toMillis());
                assertFalse(thread.isAlive(), thread.getName() + " did not stop");
            }
            return kill;
        } finally {
            running = false;
            services.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ the threads

    /** Runs flows on its own people until told to stop: two joker resets, then an activation, and so on. */
    private final class Writer implements Runnable {

        final List<Person> regulars;
        final List<Person> newcomers;
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        volatile Throwable crash;

        Writer(List<Person> regulars, List<Person> newcomers) {
            this.regulars = regulars;
            this.newcomers = newcomers;
        }

        List<Person> everyone() {
            return Stream.concat(regulars.stream(), newcomers.stream()).toList();
        }

        @Override
        public void run() {
            try {
                int resets = 0;
                int activations = 0;
                for (int turn = 0; running; turn++) {
                    // Each write gets its own time, so a person's successive writes are told apart by it.
                    services.clock.advance(Duration.ofSeconds(1));
                    if (turn % 3 == 2 && activations < newcomers.size()) {
                        attempts.add(activate(newcomers.get(activations++)));
                    } else {
                        attempts.add(resetByJoker(regulars.get(resets++ % regulars.size())));
                    }
                }
            } catch (Throwable t) {
                crash = t;
            }
        }

        private Attempt resetByJoker(Person person) {
            String password = newPassword();
            long start = System.nanoTime();
            String failure;
            try {
                Optional<String> dn = identify(person);
                if (dn.isEmpty()) {
                    failure = "not identified";
                } else {
                    AnswerOutcome answered = services.recovery.answer(dn.get(), TestPeople.ANSWER, CLIENT);
                    RecoveryOutcome outcome = answered instanceof AnswerOutcome.Accepted
                            ? services.recovery.reset(dn.get(), password, password, Locale.FRENCH, CLIENT)
                            : null;
                    failure = outcome instanceof RecoveryOutcome.PasswordChanged ? null : answered + " then " + outcome;
                }
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            return new Attempt(Flow.JOKER_RESET, person, password, null, null, start, System.nanoTime(), failure);
        }

        private Attempt activate(Person person) {
            String password = newPassword();
            String question = "Quel était le surnom de mon chat n° " + RANDOM.nextInt(1_000_000) + " ?";
            String answer = "Minou-" + RANDOM.nextInt(1_000_000);
            long start = System.nanoTime();
            String failure;
            try {
                Optional<String> dn = identify(person);
                if (dn.isEmpty()) {
                    failure = "not identified";
                } else {
                    ActivationChoices choices = new ActivationChoices(question,
                            new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash(answer), false, null, false, true);
                    ActivationOutcome outcome = services.activation.activate(dn.get(), choices, password, password,
                            Locale.FRENCH, CLIENT);
                    failure = outcome instanceof ActivationOutcome.Activated ? null : outcome.toString();
                }
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            return new Attempt(Flow.ACTIVATION, person, password, question, answer, start, System.nanoTime(), failure);
        }
    }

    /** Identifies people and checks their password by a bind, as sign-in does, until told to stop. */
    private final class Reader implements Runnable {

        final List<Person> people;
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        volatile Throwable crash;

        Reader(List<Person> people) {
            this.people = people;
        }

        @Override
        public void run() {
            try {
                for (int turn = 0; running; turn++) {
                    Person person = people.get(turn % people.size());
                    long start = System.nanoTime();
                    String failure;
                    try {
                        Optional<String> dn = identify(person);
                        failure = dn.isEmpty() ? "not identified"
                                : services.people.passwordMatches(services.people.getByDn(dn.get()), TestPeople.PASSWORD)
                                        ? null : "password refused";
                    } catch (RuntimeException e) {
                        failure = e.toString();
                    }
                    attempts.add(new Attempt(Flow.READ, person, null, null, null, start, System.nanoTime(), failure));
                    // Reads pace themselves, so that the writers get the machine's time.
                    Thread.sleep(20);
                }
            } catch (Throwable t) {
                crash = t;
            }
        }
    }

    private Optional<String> identify(Person person) {
        IdentificationResult result = identification.identify(IdentifierKind.STUDENT_NUMBER, person.studentNumber(),
                person.typedBirthDate(), CLIENT);
        return result instanceof IdentificationResult.Identified identified
                ? Optional.of(identified.account().dn())
                : Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ the checks

    /**
     * Checks every entry of the writer's people on one provider: each is wholly untouched or wholly one attempt's
     * write. Returns the acknowledged writes it does not (yet) hold: those older than the entry's state.
     */
    private static List<Attempt> checkEntries(LDAPConnection provider, Writer writer) throws LDAPException {
        List<Attempt> missing = new ArrayList<>();
        for (Person person : writer.everyone()) {
            List<Attempt> attempts = writer.attempts.stream().filter(a -> a.person().equals(person)).toList();
            SearchResultEntry entry = provider.getEntry(person.dn(), "*");
            int state = writer.regulars.contains(person) ? passwordState(entry, attempts) : activationState(entry, attempts);
            for (int i = state + 1; i < attempts.size(); i++) {
                if (attempts.get(i).succeeded()) {
                    missing.add(attempts.get(i));
                }
            }
        }
        return missing;
    }

    /**
     * Which write a regular's entry shows: -1 for the initial state, else the index of the joker reset whose password
     * it holds, with that same write's history entry, change time and security event.
     */
    private static int passwordState(SearchResultEntry entry, List<Attempt> attempts) {
        String stored = entry.getAttributeValue("userPassword");
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (UserPasswordHasher.matches(attempts.get(i).password(), stored)) {
                WholeWrites.passwordWrite(entry, attempts.get(i).password(), AuditEvent.PASSWORD_CHANGED);
                return i;
            }
        }
        assertTrue(UserPasswordHasher.matches(TestPeople.PASSWORD, stored),
                "the password of " + entry.getDN() + " is none that was written: " + entry);
        for (String attribute : List.of("sesamePasswordHistory", "sesamePasswordChangedAt", "sesameSecurityEvent")) {
            assertFalse(entry.hasAttribute(attribute), "initial password but " + attribute + " set: " + entry);
        }
        return -1;
    }

    /** Which write a newcomer's entry shows: -1 if untouched, 0 if wholly activated by its one attempt. */
    private static int activationState(SearchResultEntry entry, List<Attempt> attempts) {
        if (!entry.hasAttribute("sesameActivatedAt")) {
            for (String attribute : WholeWrites.ACTIVATION_ATTRIBUTES) {
                assertFalse(entry.hasAttribute(attribute), "not activated but " + attribute + " set: " + entry);
            }
            return -1;
        }
        assertEquals(1, attempts.size(), "activated without an activation: " + entry);
        Attempt activation = attempts.get(0);
        WholeWrites.activation(entry, activation.answer(), activation.password());
        assertEquals(activation.question(), entry.getAttributeValue("sesameJokerQuestion"), entry.toString());
        assertEquals("fr", entry.getAttributeValue("preferredLanguage"), entry.toString());
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static long successesSince(List<Attempt> attempts, long since) {
        return attempts.stream().filter(a -> a.succeeded() && a.start() >= since).count();
    }

    private static void awaitUntil(String what, List<Writer> writers, Reader reader, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            for (Writer writer : writers) {
                if (writer.crash != null) {
                    throw new AssertionError("a writer stopped", writer.crash);
                }
            }
            if (reader.crash != null) {
                throw new AssertionError("the reader stopped", reader.crash);
            }
            if (System.nanoTime() > deadline) {
                List<Attempt> all = new ArrayList<>(reader.attempts);
                writers.forEach(w -> all.addAll(w.attempts));
                fail("Timed out waiting for " + what + "; failures so far: "
                        + all.stream().filter(a -> !a.succeeded()).toList());
            }
            Thread.sleep(50);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "Bascule-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-7!";
    }
}
