package fr.sesame.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of the reset link, the mail requests and temporary passwords: defaults and refusals. */
class ResetLinkSettingsTest {

    private static SesameConfig with(Map<String, String> settings) {
        return new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build());
    }

    @Test
    void theDefaultsAreTheSeedsOnes() {
        SesameConfig config = with(Map.of());

        assertEquals(Duration.ofHours(12), config.resetLinkLifetime());
        assertEquals(Optional.empty(), config.resetLinkPropagationNotice());
        assertEquals(3, config.mailRequestMaxPerAccount());
        assertEquals(Duration.ofHours(1), config.mailRequestWindow());
        assertEquals(Duration.ofMillis(800), config.mailRequestResponseFloor());
        assertEquals(Duration.ofDays(3), config.temporaryPasswordLifetime());
        assertFalse(config.temporaryPasswordPwdReset());
    }

    @Test
    void eachCanBeSet() {
        SesameConfig config = with(Map.of(SesameConfig.RESET_LINK_LIFETIME, "PT30M",
                SesameConfig.RESET_LINK_PROPAGATION_NOTICE, "PT1H", SesameConfig.MAIL_REQUEST_MAX_PER_ACCOUNT, "5",
                SesameConfig.TEMPORARY_PASSWORD_LIFETIME, "P7D", SesameConfig.TEMPORARY_PASSWORD_PWD_RESET, "TRUE"));

        assertEquals(Duration.ofMinutes(30), config.resetLinkLifetime());
        assertEquals(Optional.of(Duration.ofHours(1)), config.resetLinkPropagationNotice());
        assertEquals(5, config.mailRequestMaxPerAccount());
        assertEquals(Duration.ofDays(7), config.temporaryPasswordLifetime());
        assertTrue(config.temporaryPasswordPwdReset());
    }

    @Test
    void nonsenseIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> with(Map.of(SesameConfig.RESET_LINK_LIFETIME, "PT0S")).resetLinkLifetime());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of(SesameConfig.MAIL_REQUEST_MAX_PER_ACCOUNT, "0")).mailRequestMaxPerAccount());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of(SesameConfig.MAIL_REQUEST_MAX_PER_ACCOUNT, "50")).mailRequestMaxPerAccount());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of(SesameConfig.RESET_LINK_PROPAGATION_NOTICE, "une heure")).resetLinkPropagationNotice());
    }
}
