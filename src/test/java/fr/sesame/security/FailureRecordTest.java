package fr.sesame.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureRecordTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00.123456Z");

    @Test
    void aStoredValueReadsBackAsTheSameFailure() {
        FailureRecord failure = FailureRecord.at(FailureKind.JOKER, NOW);

        assertTrue(failure.value().matches("joker\\$20260901080000\\.123456[0-9]{3}Z"), failure.value());
        assertEquals(NOW, failure.at());
        assertEquals(Optional.of(failure), FailureRecord.parse(failure.value()));
    }

    @Test
    void twoFailuresAtTheSameInstantAreAlmostAlwaysTwoValues() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> FailureRecord.at(FailureKind.IDENTIFICATION, NOW).value())
                .distinct()
                .count();

        assertNotEquals(1, distinct);
    }

    @Test
    void generalizedTimesWithOrWithoutAFractionAreRead() {
        assertEquals(Optional.of(new FailureRecord(FailureKind.IDENTIFICATION, Instant.parse("2026-09-01T08:00:00Z"),
                0)), FailureRecord.parse("identification$20260901080000Z"));
        assertEquals(Optional.of(new FailureRecord(FailureKind.JOKER, Instant.parse("2026-09-01T08:00:00.500Z"), 0)),
                FailureRecord.parse("joker$20260901080000.5Z"));
        assertEquals(Instant.parse("2026-09-01T08:00:00.123456Z"),
                FailureRecord.parse("joker$20260901080000.123456789Z").orElseThrow().at(), "to the microsecond");
    }

    @Test
    void unknownKindsAndMalformedTimesAreNotFailures() {
        assertEquals(Optional.empty(), FailureRecord.parse("sms$20260901080000Z"));
        assertEquals(Optional.empty(), FailureRecord.parse("joker$2026-09-01T08:00:00Z"));
        assertEquals(Optional.empty(), FailureRecord.parse("joker$20261301080000Z"));
        assertEquals(Optional.empty(), FailureRecord.parse("joker"));
    }
}
