package fr.sesame.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {

    @Test
    void theDefaultsAreThoseOfTheSecurityPolicy() {
        ThrottleSettings defaults = ThrottleSettings.defaults();

        assertEquals(new ThrottleSettings.AccountLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                defaults.limit(FailureKind.IDENTIFICATION));
        assertEquals(new ThrottleSettings.AccountLimit(3, Duration.ofMinutes(30), Duration.ofMinutes(30)),
                defaults.limit(FailureKind.JOKER));
        assertEquals(new ThrottleSettings.ClientLimit(20, Duration.ofMinutes(15), 10_000), defaults.client());
    }

    @Test
    void aKindLeftOutOfTheSettingsKeepsItsDefault() {
        ThrottleSettings.AccountLimit strict =
                new ThrottleSettings.AccountLimit(1, Duration.ofMinutes(1), Duration.ofHours(1));
        ThrottleSettings settings = new ThrottleSettings(Map.of(FailureKind.JOKER, strict),
                ThrottleSettings.defaults().client());

        assertEquals(FailureKind.IDENTIFICATION.defaultLimit(), settings.limit(FailureKind.IDENTIFICATION));
        assertEquals(1, settings.limit(FailureKind.JOKER).maxFailures());
    }

    @Test
    void meaninglessLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ThrottleSettings.AccountLimit(0, Duration.ofMinutes(15), Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class,
                () -> new ThrottleSettings.AccountLimit(5, Duration.ZERO, Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class,
                () -> new ThrottleSettings.AccountLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ThrottleSettings.ClientLimit(20, Duration.ofMinutes(15), 0));
    }
}
