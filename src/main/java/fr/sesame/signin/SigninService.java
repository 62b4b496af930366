package fr.sesame.signin;

import fr.sesame.audit.AuditEvent;
import fr.sesame.audit.AuditRecord;
import fr.sesame.audit.AuditTrail;
import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.GroupDirectory;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.security.AccountThrottle;
import fr.sesame.security.ClientThrottle;
import fr.sesame.security.FailureKind;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.security.Throttles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a sign-in: the password is checked by a bind the directory judges, failures are counted per
 * account (in the directory) and per client, roles come from group membership. Unknown login and wrong
 * password get the same answer in at least the same time.
 */
@ApplicationScoped
public class SigninService {

    /** Every signed-in person has this role; the account pages need it. */
    public static final String USER_ROLE = "user";

    private PeopleDirectory people;
    private GroupDirectory groups;
    private AccountThrottle accountThrottle;
    private ClientThrottle clientThrottle;
    private AuditTrail audit;
    private SesameConfig config;
    private TemporaryPasswords temporaryPasswords;
    private ResponseTimeFloor floor;
    private Clock clock;

    /** For CDI's proxy only. */
    protected SigninService() {}

    @Inject
    public SigninService(PeopleDirectory people, GroupDirectory groups, Throttles throttles, AuditTrail audit,
            TemporaryPasswords temporaryPasswords, SesameConfig config) {
        this.temporaryPasswords = temporaryPasswords;
        this.people = people;
        this.groups = groups;
        this.accountThrottle = throttles.accounts();
        this.clientThrottle = throttles.clients();
        this.audit = audit;
        this.config = config;
        this.floor = new ResponseTimeFloor(config.signinResponseFloor());
        this.clock = Clock.systemUTC();
    }

    public SigninResult signIn(String login, String password, String clientAddress) {
        Optional<Instant> blocked = clientThrottle.blockedUntil(clientAddress);
        if (blocked.isPresent()) {
            return new SigninResult.Throttled(blocked.get());
        }
        return floor.apply(() -> check(login, password, clientAddress));
    }

    private SigninResult check(String login, String password, String clientAddress) {
        Optional<Account> found = people.findBy(AccountField.LOGIN, login);
        if (found.isEmpty() || password == null || password.isEmpty()) {
            clientThrottle.recordFailure(clientAddress);
            return new SigninResult.Refused();
        }
        Account account = found.get();
        if (!people.passwordMatches(account, password)) {
            accountThrottle.recordFailure(account, FailureKind.SIGNIN);
            clientThrottle.recordFailure(clientAddress);
            audit.log(AuditRecord.of(clock.instant(), AuditEvent.SIGNIN, false, AuditRecord.ANONYMOUS, clientAddress,
                    account.login(), Map.of()));
            return new SigninResult.Refused();
        }
        Optional<Instant> locked = accountThrottle.lockedUntil(account);
        if (locked.isPresent()) {
            return new SigninResult.Locked(locked.get());
        }
        if (!account.accountAllowed() || account.isTrue(AccountField.SELF_SERVICE_DISABLED)
                || temporaryPasswords.temporaryPasswordExpired(account)) {
            return new SigninResult.Refused();
        }
        accountThrottle.clear(account, FailureKind.SIGNIN);
        audit.log(AuditRecord.bySelf(AuditEvent.SIGNIN, account.login(), clientAddress, clock.instant()));
        return new SigninResult.SignedIn(account.dn(), account.login(), roles(account),
                temporaryPasswords.mustChangePassword(account));
    }

    private Set<String> roles(Account account) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(USER_ROLE);
        var memberOf = groups.groupsOf(account.dn());
        config.roleGroups().forEach((role, group) -> {
            if (memberOf.contains(GroupDirectory.normalise(group))) {
                roles.add(role);
            }
        });
        return roles;
    }
}
