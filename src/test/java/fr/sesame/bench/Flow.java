package fr.sesame.bench;

import java.util.List;

/**
 * The five flows of a rentrée morning, their share of the mix, and the slow hashes each one makes the portal
 * compute (counted from the code: {@code JokerAnswers}, {@code PasswordChange}, {@code PasswordHistory},
 * {@code Tokens}, {@code UserPasswordHasher}; the people are those of {@code ldap-schema/tools/GeneratePeople.java},
 * with one password-history value and a 5 000-round crypt password when activated).
 *
 * @param argon2Verify joker answer, history entry or token checked
 * @param argon2Hash new joker answer, history value or token
 * @param crypt50000 new {@code userPassword} (SHA-512 crypt, the default 50 000 rounds)
 * @param crypt5000Verify a 5 000-round crypt checked: the person's current password, or the agent's bind
 */
public enum Flow {
    /** Identify, answer "Grenoble" (1 verify), new password: history (1 verify) and current password (1 crypt
     * check), then the new hash and history value. */
    JOKER("joker", 35, 2, 1, 1, 1, List.of(Step.page("open"), Step.floor("identify", 400), Step.hashing("answer"),
            Step.hashing("password"))),
    /** Identify, choose the joker (1 hash), SMS, consents, password: compared with the joker answer (1 verify),
     * then the new hash and history value. */
    ACTIVATION("activation", 25, 1, 2, 1, 0, List.of(Step.page("open"), Step.floor("identify", 400),
            Step.hashing("joker"), Step.page("sms"), Step.page("consents"), Step.hashing("password"))),
    /** Ask for a link (the token, 1 hash), open it (1 verify), new password: token again (1 verify), history
     * (1 verify) and current password (1 crypt check), then the new hash and history value. */
    EMAIL_LINK("email-link", 20, 3, 2, 1, 1, List.of(Step.page("open"), new Step("request", true, 800, true),
            new Step("mail", false, 0, false), Step.hashing("open-link"), Step.hashing("password"))),
    /** Identify: the login is shown (and mailed). */
    FORGOTTEN_LOGIN("forgotten-login", 10, 0, 0, 0, 0, List.of(Step.page("open"), Step.floor("identify", 400))),
    /** An agent signs in (a bind: 1 crypt check by the directory) and runs three searches. */
    HELPDESK_SEARCH("helpdesk-search", 10, 0, 0, 0, 1, List.of(Step.page("open"), new Step("sign-in", true, 300, true),
            Step.page("search-name"), Step.page("search-given-name"), Step.page("search-login")));

    /**
     * A page of a flow, as the harness times it.
     *
     * @param slowHash whether the portal computes a slow hash for it
     * @param floorMillis the deliberate minimum response time of the step (same answer for known and unknown people)
     * @param page false for the wait until the mail reaches the SMTP sink (sent in the background)
     */
    public record Step(String name, boolean slowHash, int floorMillis, boolean page) {
        static Step page(String name) {
            return new Step(name, false, 0, true);
        }

        static Step floor(String name, int floorMillis) {
            return new Step(name, false, floorMillis, true);
        }

        static Step hashing(String name) {
            return new Step(name, true, 0, true);
        }
    }

    private final String key;
    private final int percent;
    private final int argon2Verify;
    private final int argon2Hash;
    private final int crypt50000;
    private final int crypt5000Verify;
    private final List<Step> steps;

    Flow(String key, int percent, int argon2Verify, int argon2Hash, int crypt50000, int crypt5000Verify, List<Step> steps) {
        this.steps = steps;
        this.key = key;
        this.percent = percent;
        this.argon2Verify = argon2Verify;
        this.argon2Hash = argon2Hash;
        this.crypt50000 = crypt50000;
        this.crypt5000Verify = crypt5000Verify;
    }

    /** The Gatling group name of the flow. */
    public String key() {
        return key;
    }

    /** The steps in the order a person goes through them. */
    public List<Step> steps() {
        return steps;
    }

    public int percent() {
        return percent;
    }

    /** Seconds of slow hashing one flow costs, given the cost of each hash in milliseconds (JMH). */
    public double hashSeconds(HashBudget.Costs costs) {
        return (argon2Verify * costs.argon2VerifyMs() + argon2Hash * costs.argon2HashMs()
                + crypt50000 * costs.crypt50000Ms() + crypt5000Verify * costs.crypt5000VerifyMs()) / 1000.0;
    }

    public static List<Flow> all() {
        return List.of(values());
    }
}
