package fr.sesame.identification;

import fr.sesame.directory.Account;
import fr.sesame.directory.DirectoryException;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.security.Throttles;
import fr.sesame.identification.IdentificationResult.AccountLocked;
import fr.sesame.identification.IdentificationResult.ClientThrottled;
import fr.sesame.identification.IdentificationResult.Identified;
import fr.sesame.identification.IdentificationResult.InvalidBirthDate;
import fr.sesame.identification.IdentificationResult.InvalidFormat;
import fr.sesame.identification.IdentificationResult.NotRecognised;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.ClientThrottle;
import fr.sesame.security.FailureKind;
import fr.sesame.security.InMemoryClientThrottle;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.security.ThrottleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the account of a person who names themselves by an identifier and their birth date, without letting
 * anyone learn whether an identifier exists, and without letting anyone guess birth dates.
 *
 * <p>What it promises:
 * <ul>
 *   <li>A malformed identifier or birth date is told at once ({@link InvalidFormat}, {@link InvalidBirthDate}):
 *       the directory is not asked and no failure is counted.</li>
 *   <li>An unknown identifier, one shared by several accounts, and a known identifier with the wrong birth
 *       date all get {@link NotRecognised}, and every call that reaches the directory lasts at least the
 *       {@link ResponseTimeFloor}, so neither the answer nor its delay tells them apart.</li>
 *   <li>A wrong birth date for a known identifier counts one {@link FailureKind#IDENTIFICATION} failure on the
 *       account, in the directory; enough of them lock the account's self-service ({@link AccountThrottle}).
 *       Every {@link NotRecognised} also counts against the client address ({@link ClientThrottle}), and a
 *       client over its limit gets {@link ClientThrottled} before the directory is asked.</li>
 *   <li>{@link AccountLocked} is told only to someone who gave the right identifier <em>and</em> the right birth
 *       date: telling it on a wrong birth date would confirm that the identifier exists. So a locked account
 *       with a wrong birth date gets {@link NotRecognised}, and that failure still counts.</li>
 *   <li>A success forgets the account's identification failures (and a lock that has expired).</li>
 * </ul>
 * Neither the identifier nor the birth date is ever logged.
 */
@ApplicationScoped
public class Identification {

    private static final Logger LOG = Logger.getLogger(Identification.class.getName());

    private PeopleDirectory people;
    private AccountThrottle accountThrottle;
    private ClientThrottle clientThrottle;
    private ResponseTimeFloor floor;
    private IdentifierFormats formats;
    private Clock clock;

    /** For CDI's proxy only. */
    protected Identification() {}

    /** The portal's service: its throttles, formats and response-time floor as configured. */
    @Inject
    public Identification(PeopleDirectory people, Throttles throttles, SesameConfig config) {
        this(people, throttles.accounts(), throttles.clients(), new ResponseTimeFloor(config.identificationResponseFloor()),
                config.identifierFormats(), Clock.systemUTC());
    }

    /** The service with its throttles built from {@code settings}. */
    public Identification(PeopleDirectory people, ThrottleSettings settings, ResponseTimeFloor floor,
            IdentifierFormats formats, Clock clock) {
        this(people, new AccountThrottle(people, settings, clock), new InMemoryClientThrottle(settings.client(), clock),
                floor, formats, clock);
    }

    /** The service with every collaborator given (a cluster-wide {@link ClientThrottle}, a test clock). */
    public Identification(PeopleDirectory people, AccountThrottle accountThrottle, ClientThrottle clientThrottle,
            ResponseTimeFloor floor, IdentifierFormats formats, Clock clock) {
        this.people = people;
        this.accountThrottle = accountThrottle;
        this.clientThrottle = clientThrottle;
        this.floor = floor;
        this.formats = formats;
        this.clock = clock;
    }

    /**
     * Identifies the person who typed {@code identifier} (of {@code kind}) and {@code birthDate}
     * ({@code jj/mm/aaaa}) from {@code clientAddress}. See the class description for what each answer means.
     *
     * @throws DirectoryUnavailableException if the directory cannot be reached
     */
    public IdentificationResult identify(IdentifierKind kind, String identifier, String birthDate,
            String clientAddress) {
        Optional<String> value = formats.normalise(kind, identifier);
        if (value.isEmpty()) {
            return new InvalidFormat(kind);
        }
        Optional<LocalDate> born = BirthDates.parse(birthDate, clock);
        if (born.isEmpty()) {
            return new InvalidBirthDate();
        }
        Optional<Instant> blocked = clientThrottle.blockedUntil(clientAddress);
        if (blocked.isPresent()) {
            LOG.fine(() -> "Identification refused to " + clientAddress + " until " + blocked.get());
            return new ClientThrottled(blocked.get());
        }
        return floor.apply(() -> lookUp(kind, value.get(), born.get(), clientAddress));
    }

    private IdentificationResult lookUp(IdentifierKind kind, String identifier, LocalDate born, String clientAddress) {
        Optional<Account> found = people.findBy(kind.field(), identifier);
        if (found.isEmpty()) {
            clientThrottle.recordFailure(clientAddress);
            LOG.fine(() -> "Identification by " + kind.slug() + " matched no single account");
            return new NotRecognised();
        }
        Account account = found.get();
        if (!account.birthDate().equals(Optional.of(born))) {
            clientThrottle.recordFailure(clientAddress);
            LOG.fine(() -> "Identification of " + account.dn() + " failed");
            try {
                accountThrottle.recordFailure(account, FailureKind.IDENTIFICATION);
            } catch (DirectoryUnavailableException e) {
                throw e;
            } catch (DirectoryException e) {
                // Answering with an error here, and NotRecognised for unknown identifiers, would tell them apart.
                LOG.log(Level.WARNING, "Could not count an identification failure of " + account.dn()
                        + " (does the entry have the sesameAccount object class?)", e);
            }
            return new NotRecognised();
        }
        Optional<Instant> locked = accountThrottle.lockedUntil(account);
        if (locked.isPresent()) {
            LOG.fine(() -> "Identification of " + account.dn() + " refused: locked until " + locked.get());
            return new AccountLocked(locked.get());
        }
        try {
            accountThrottle.clear(account, FailureKind.IDENTIFICATION);
        } catch (DirectoryUnavailableException e) {
            throw e;
        } catch (DirectoryException e) {
            // The person is who they say; old failures will leave their window by themselves.
            LOG.log(Level.WARNING, "Could not forget the identification failures of " + account.dn(), e);
        }
        return new Identified(account);
    }
}
