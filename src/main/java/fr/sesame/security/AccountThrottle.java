package fr.sesame.security;

import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AccountNotFoundException;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.directory.DirectoryException;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.directory.PeopleDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Counts a person's failures in their own directory entry and locks their self-service after too many, so
 * the count survives a restart and is shared by every node of the portal.
 *
 * <p>A failure is one atomic modify that ADDs a {@code sesameFailure} value, DELETEs the values that have left
 * their kind's window, and sets {@code sesameLockedUntil} when this failure reaches the limit. Failures are
 * never written by replacing the list read earlier: two failures recorded at once by two nodes both stay.
 * When a concurrent writer already removed an old value this one wanted to delete, the directory refuses the
 * modify; the account is read again and the failure written afresh.
 *
 * <p>The limit is judged on the values read just before the write, so under concurrent failures the lock may
 * come one failure late per concurrent writer; no failure is ever lost.
 */
public class AccountThrottle {

    private static final Logger LOG = Logger.getLogger(AccountThrottle.class.getName());

    /** Attempts at a write that raced with another: the last one only adds, so it cannot race on a delete. */
    private static final int ATTEMPTS = 3;

    private final PeopleDirectory people;
    private final ThrottleSettings settings;
    private final Clock clock;

    public AccountThrottle(PeopleDirectory people, ThrottleSettings settings, Clock clock) {
        this.people = people;
        this.settings = settings;
        this.clock = clock;
    }

    /** When the account's self-service lock ends, if it is locked now (whatever failures locked it). */
    public Optional<Instant> lockedUntil(Account account) {
        Instant now = clock.instant();
        return account.instant(AccountField.LOCKED_UNTIL).filter(until -> until.isAfter(now));
    }

    public boolean isLocked(Account account) {
        return lockedUntil(account).isPresent();
    }

    /** How many failures of this kind the account has within its kind's window. */
    public int recentFailures(Account account, FailureKind kind) {
        return recent(account, kind, clock.instant()).size();
    }

    /**
     * Records one failure of {@code kind} against the account, as read by the caller. Promises that the failure
     * is stored in the directory when this returns.
     *
     * @return when the account's lock ends, if it is locked after this failure (by this one or an earlier lock)
     * @throws AccountNotFoundException if the account was deleted meanwhile
     */
    public Optional<Instant> recordFailure(Account account, FailureKind kind) {
        Account current = account;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            boolean last = attempt == ATTEMPTS;
            AccountUpdate update = AccountUpdate.of(current)
                    .add(AccountField.FAILURE, FailureRecord.at(kind, now).value());
            List<String> expired = last ? List.of() : expired(current, now);
            if (!expired.isEmpty()) {
                update.remove(AccountField.FAILURE, expired.toArray(String[]::new));
            }
            ThrottleSettings.AccountLimit limit = settings.limit(kind);
            int failures = recent(current, kind, now).size() + 1;
            Optional<Instant> lockedBefore =
                    current.instant(AccountField.LOCKED_UNTIL).filter(until -> until.isAfter(now));
            Optional<Instant> lock = Optional.empty();
            if (failures >= limit.maxFailures()) {
                Instant until = now.plus(limit.lockDuration());
                if (lockedBefore.isEmpty() || until.isAfter(lockedBefore.get())) {
                    lock = Optional.of(until);
                    update.set(AccountField.LOCKED_UNTIL, Account.generalizedTime(until));
                }
            }
            try {
                people.apply(update);
            } catch (DirectoryUnavailableException | AccountNotFoundException e) {
                throw e;
            } catch (DirectoryException e) {
                if (last) {
                    throw e;
                }
                // Another writer changed the failures since they were read (a value to delete is gone).
                current = people.getByDn(account.dn());
                continue;
            }
            if (lock.isPresent()) {
                Instant until = lock.get();
                LOG.info(() -> "Self-service of " + account.dn() + " locked until " + until + " after " + failures
                        + " " + kind.key() + " failures");
                return lock;
            }
            return lockedBefore;
        }
    }

    /**
     * Forgets the account's failures of {@code kind} (those read with it; one recorded since then stays) and an
     * expired lock, after the person succeeded. A lock still running is kept. Writes nothing when there is
     * nothing to forget.
     */
    public void clear(Account account, FailureKind kind) {
        Account current = account;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            List<String> ofKind = new ArrayList<>();
            for (String value : current.values(AccountField.FAILURE)) {
                FailureRecord.parse(value)
                        .filter(failure -> failure.kind() == kind)
                        .ifPresent(failure -> ofKind.add(value));
            }
            AccountUpdate update = AccountUpdate.of(current);
            if (!ofKind.isEmpty()) {
                update.remove(AccountField.FAILURE, ofKind.toArray(String[]::new));
            }
            Optional<String> lockValue = current.value(AccountField.LOCKED_UNTIL);
            boolean lockExpired =
                    current.instant(AccountField.LOCKED_UNTIL).map(until -> !until.isAfter(now)).orElse(false);
            if (lockExpired) {
                update.remove(AccountField.LOCKED_UNTIL, lockValue.get());
            }
            try {
                people.apply(update);
                return;
            } catch (DirectoryUnavailableException | AccountNotFoundException e) {
                throw e;
            } catch (DirectoryException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                current = people.getByDn(account.dn());
            }
        }
    }

    private List<FailureRecord> recent(Account account, FailureKind kind, Instant now) {
        Instant windowStart = now.minus(settings.limit(kind).window());
        List<FailureRecord> recent = new ArrayList<>();
        for (String value : account.values(AccountField.FAILURE)) {
            FailureRecord.parse(value)
                    .filter(failure -> failure.kind() == kind && failure.at().isAfter(windowStart))
                    .ifPresent(recent::add);
        }
        return recent;
    }

    /** Values of any known kind that have left that kind's window: nothing can count them any more. */
    private List<String> expired(Account account, Instant now) {
        List<String> expired = new ArrayList<>();
        for (String value : account.values(AccountField.FAILURE)) {
            FailureRecord.parse(value)
                    .filter(failure -> !failure.at().isAfter(now.minus(settings.limit(failure.kind()).window())))
                    .ifPresent(failure -> expired.add(value));
        }
        return expired;
    }
}
