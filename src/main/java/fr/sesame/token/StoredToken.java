package fr.sesame.token;

import fr.sesame.directory.Account;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of the token field as the directory keeps it: {@code <purpose>$<expiry>$<PHC hash>}, e.g.
 * {@code reset$20260901200000.000Z$$argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>} (the PHC string starts with
 * its own {@code $}). Never the token itself.
 */
record StoredToken(TokenPurpose purpose, Instant expiresAt, String hash) {

    StoredToken {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(hash, "hash");
    }

    String value() {
        return purpose.key() + "$" + Account.generalizedTime(expiresAt) + "$" + hash;
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** The token a stored value describes; empty for an unknown purpose or a malformed value. */
    static Optional<StoredToken> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int first = value.indexOf('$');
        int second = first < 0 ? -1 : value.indexOf('$', first + 1);
        if (second < 0 || second == value.length() - 1) {
            return Optional.empty();
        }
        Optional<TokenPurpose> purpose = TokenPurpose.fromKey(value.substring(0, first));
        Optional<Instant> expiry = GeneralizedTimes.parse(value.substring(first + 1, second));
        if (purpose.isEmpty() || expiry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredToken(purpose.get(), expiry.get(), value.substring(second + 1)));
    }

    @Override
    public String toString() {
        return "StoredToken[" + purpose.key() + ", expires " + expiresAt + "]";
    }
}
