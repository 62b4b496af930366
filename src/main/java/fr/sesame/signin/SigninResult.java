package fr.sesame.signin;

import java.time.Instant;
import java.util.Set;

/** What a sign-in attempt concluded. Only {@link SignedIn} names an account. */
public sealed interface SigninResult {

    /** The password is right and the account may use Sésame; {@code roles} always contains {@code user}. */
    record SignedIn(String dn, String login, Set<String> roles, boolean mustChangePassword) implements SigninResult {}

    /** Unknown login, wrong password, or an account that may not be used: one answer for all. */
    record Refused() implements SigninResult {}

    /** The right password for a locked account: told only to someone who proved it. */
    record Locked(Instant until) implements SigninResult {}

    /** Too many failures from this client address. */
    record Throttled(Instant retryAt) implements SigninResult {}
}
