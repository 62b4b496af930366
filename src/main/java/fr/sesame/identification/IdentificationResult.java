package fr.sesame.identification;

import fr.sesame.directory.Account;
import java.io.Serializable;
import java.time.Instant;

/**
 * What {@link Identification#identify} concluded. Only {@link Identified} names an account; every other
 * answer is the same whoever the identifier belongs to, so none tells whether an account exists.
 */
public sealed interface IdentificationResult extends Serializable {

    /** The message key that tells the person what happened (none for {@link Identified}). */
    String messageKey();

    /** The identifier and birth date are those of exactly one account, which is not locked. */
    record Identified(Account account) implements IdentificationResult {

        @Override
        public String messageKey() {
            return "";
        }
    }

    /** The identifier is not shaped like one of its kind; the directory was not asked. */
    record InvalidFormat(IdentifierKind kind) implements IdentificationResult {

        @Override
        public String messageKey() {
            return kind.formatErrorKey();
        }
    }

    /** The birth date is not a real past date written jj/mm/aaaa; the directory was not asked. */
    record InvalidBirthDate() implements IdentificationResult {

        @Override
        public String messageKey() {
            return "identification.error.birthDate";
        }
    }

    /**
     * The identifier is unknown, or shared by several accounts, or the birth date is not the one on record:
     * one answer for all three, on purpose.
     */
    record NotRecognised() implements IdentificationResult {

        @Override
        public String messageKey() {
            return "identification.error.notRecognised";
        }
    }

    /**
     * The identifier and birth date are right but the account's self-service is locked after repeated failures
     * until {@code until} (message parameter {0}).
     */
    record AccountLocked(Instant until) implements IdentificationResult {

        @Override
        public String messageKey() {
            return "identification.error.locked";
        }
    }

    /**
     * Too many failed identifications came from this client address; it may try again at {@code retryAt}
     * (message parameter {0}). The directory was not asked.
     */
    record ClientThrottled(Instant retryAt) implements IdentificationResult {

        @Override
        public String messageKey() {
            return "identification.error.throttled";
        }
    }
}
