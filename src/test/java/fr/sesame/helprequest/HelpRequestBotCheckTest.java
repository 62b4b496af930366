package fr.sesame.helprequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.sesame.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The help form's robot filter ({@link BotCheck}): honeypot, signed display time, minimum fill time. */
class HelpRequestBotCheckTest {

    private static final Duration MIN = Duration.ofSeconds(3);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));
    private final BotCheck check = BotCheck.withRandomKey(MIN, clock);

    @Test
    void aFormSentAfterTheMinimumTimeWithAnEmptyTrapPasses() {
        String token = check.issue();
        clock.advance(Duration.ofSeconds(4));

        assertEquals(BotCheck.Verdict.PASSED, check.check(token, ""));
        assertEquals(BotCheck.Verdict.PASSED, check.check(token, null));
    }

    @Test
    void aFormSentTooFastIsRefused() {
        String token = check.issue();
        clock.advance(Duration.ofMillis(2900));

        assertEquals(BotCheck.Verdict.TOO_FAST, check.check(token, ""));
    }

    @Test
    void aFilledTrapIsRefusedWhateverTheTime() {
        String token = check.issue();
        clock.advance(Duration.ofMinutes(1));

        assertEquals(BotCheck.Verdict.HONEYPOT_FILLED, check.check(token, "http://spam.example"));
    }

    @Test
    void aTokenWithAnEarlierTimeOrAnotherSignatureIsTampered() {
        String token = check.issue();
        clock.advance(Duration.ofSeconds(4));
        String signature = token.substring(token.indexOf('.') + 1);
        String earlier = (Long.parseLong(token.substring(0, token.indexOf('.'))) - 60_000) + "." + signature;

        assertEquals(BotCheck.Verdict.TAMPERED, check.check(earlier, ""));
        char last = token.charAt(token.length() - 1);
        String otherSignature = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(BotCheck.Verdict.TAMPERED, check.check(otherSignature, ""));
        assertEquals(BotCheck.Verdict.TAMPERED, check.check("", ""));
        assertEquals(BotCheck.Verdict.TAMPERED, check.check(null, ""));
        assertEquals(BotCheck.Verdict.TAMPERED, check.check("abc.def", ""));
    }

    @Test
    void aTokenFromAnotherApplicationKeyIsTampered() {
        String foreign = BotCheck.withRandomKey(MIN, clock).issue();
        clock.advance(Duration.ofSeconds(4));

        assertEquals(BotCheck.Verdict.TAMPERED, check.check(foreign, ""));
    }

    @Test
    void anOldTokenIsRefused() {
        String token = check.issue();
        clock.advance(BotCheck.MAX_AGE.plusMinutes(1));

        assertEquals(BotCheck.Verdict.TOO_OLD, check.check(token, ""));
    }
}
