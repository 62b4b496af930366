package fr.sesame.bench;

import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.UserPasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The deliberate cost of each slow hash the flows compute, on one core (JMH): the floor under the CPU time of
 * a flow, from which {@link HashBudget} derives the hash-bound limit the load benchmark is compared with.
 * The settings are the portal's defaults: Argon2id with OWASP's parameters (joker answers, password history,
 * tokens) and SHA-512 crypt with 50 000 rounds ({@code userPassword}); the 5 000-round crypt is the check of a
 * generated person's current password (and the embedded directory's bind check).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class HashCosts {

    private static final String PASSWORD = "Nuage-Riviere-2026!";

    private String argon2Stored;
    private String crypt5000Stored;
    private UserPasswordHasher crypt50000;

    @Setup
    public void setUp() {
        argon2Stored = Argon2Hasher.OWASP.hash(PASSWORD);
        crypt5000Stored = new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000).hash(PASSWORD);
        crypt50000 = new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 50_000);
    }

    /** A new joker answer, password-history value or token. */
    @Benchmark
    public String argon2Hash() {
        return Argon2Hasher.OWASP.hash(PASSWORD);
    }

    /** A joker answer, history entry or token checked. */
    @Benchmark
    public boolean argon2Verify() {
        return Argon2Hasher.matches(PASSWORD, argon2Stored);
    }

    /** The new {@code userPassword}. */
    @Benchmark
    public String sha512Crypt50000() {
        return crypt50000.hash(PASSWORD);
    }

    /** The current password of a generated person, checked against the new one. */
    @Benchmark
    public boolean sha512Crypt5000Verify() {
        return UserPasswordHasher.matches(PASSWORD, crypt5000Stored);
    }
}
