package fr.sesame.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.config.SesameConfig;
import fr.sesame.support.LocalSmsProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which gateway the settings choose, when the outbox page exists, and what the development gateway keeps. */
class SmsSenderTest {

    private static SesameConfig configWith(Map<String, String> values) {
        return new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build());
    }

    @Test
    void withoutSettingNoSmsIsOfferedAndTheOutboxDoesNotExist() {
        SmsSender sender = new SmsSender(configWith(Map.of()));

        assertFalse(sender.available());
        assertTrue(sender.devOutbox().isEmpty());
        assertThrows(IllegalStateException.class, () -> sender.send("0639980123", "texte"));
    }

    @Test
    void demoModeKeepsMessagesInTheOutboxWithNumbersNormalised() throws Exception {
        SmsSender sender = new SmsSender(configWith(Map.of("sesame.embedded", "true")));

        sender.send("06 39 98 01 23", "premier");
        sender.send("0033 7 00 00 00 00", "second");

        assertTrue(sender.available());
        List<DevSmsGateway.KeptSms> kept = sender.devOutbox().orElseThrow().newestFirst();
        assertEquals(List.of("+33700000000", "+33639980123"), kept.stream().map(DevSmsGateway.KeptSms::to).toList());
        assertEquals("second", kept.get(0).text());
        assertFalse(kept.get(0).toString().contains("second"), "the text may carry a link: never in a log line");
        assertThrows(IllegalArgumentException.class, () -> sender.send("01 23 45 67 89", "fixe"));
    }

    @Test
    void theSettingChoosesTheGatewayEvenInDemoMode() throws Exception {
        assertFalse(new SmsSender(configWith(Map.of("sesame.embedded", "true", "sesame.sms.gateway", "none"))).available());
        assertTrue(new SmsSender(configWith(Map.of("sesame.sms.gateway", "DEV"))).devOutbox().isPresent());

        try (LocalSmsProvider provider = new LocalSmsProvider()) {
            SmsSender http = new SmsSender(configWith(Map.of("sesame.embedded", "true", "sesame.sms.gateway", "http",
                    "sesame.sms.http.url", provider.url("/send"), "sesame.sms.http.body", "to={to}&text={text}")));

            assertTrue(http.available());
            assertTrue(http.devOutbox().isEmpty(), "the outbox page exists only with the development gateway");
            http.send("06 39 98 01 23", "bonjour");
            assertEquals("to=%2B33639980123&text=bonjour", provider.next().body());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmsSender(configWith(Map.of("sesame.sms.gateway", "twilio"))));
        assertEquals("sesame.sms.gateway must be none, dev or http, not twilio", e.getMessage());
    }

    @Test
    void theHttpGatewaysSettingsHaveDefaults() {
        HttpSmsSettings settings = configWith(Map.of("sesame.sms.http.url", "https://sms.example/send")).smsHttp();

        assertEquals("POST", settings.method());
        assertEquals("application/x-www-form-urlencoded", settings.contentType());
        assertEquals("Authorization", settings.headerName());
        assertEquals(Optional.empty(), settings.username());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
    }

    @Test
    void theOutboxKeepsOnlyTheNewestMessages() {
        DevSmsGateway gateway = new DevSmsGateway();
        for (int i = 0; i <= DevSmsGateway.KEPT; i++) {
            gateway.send("+33639980123", "message " + i);
        }

        List<DevSmsGateway.KeptSms> kept = gateway.newestFirst();
        assertEquals(DevSmsGateway.KEPT, kept.size());
        assertEquals("message " + DevSmsGateway.KEPT, kept.get(0).text());
        assertEquals("message 1", kept.get(kept.size() - 1).text());
    }

    @Test
    void theResetTextFitsOneSmsInTheGsmAlphabetInBothLanguages() {
        String link = "https://sesame.univ-exemple.fr/recovery/reset.xhtml?u=10000002&t=" + "A".repeat(43);

        String french = SmsTexts.resetLink(Locale.FRENCH, link, Duration.ofHours(12));
        String english = SmsTexts.resetLink(Locale.ENGLISH, link, Duration.ofHours(12));

        assertEquals("Sésame, nouveau mot de passe (valable 12 h) : " + link, french);
        assertEquals("Sésame, new password (valid 12 h): " + link, english);
        for (String text : List.of(french, english)) {
            assertTrue(text.length() <= 160, text.length() + " characters: " + text);
            assertTrue(text.chars().allMatch(c -> GSM_7.indexOf(c) >= 0), "not GSM 03.38, so sent as UCS-2 (70 characters): " + text);
        }
        assertTrue(SmsTexts.resetLink(Locale.FRENCH, link, Duration.ofMinutes(30)).contains("(valable 30 min)"));
        assertTrue(SmsTexts.resetLink(Locale.ENGLISH, link, Duration.ofDays(2)).contains("(valid 2 d)"));
    }

    /** The GSM 03.38 basic character set, in which an SMS holds 160 characters. */
    private static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void thePersonsPreferredLanguageChoosesTheTextsFrenchByDefault() {
        assertEquals(Locale.ENGLISH, SmsTexts.languageOf(Optional.of("en")));
        assertEquals(Locale.ENGLISH, SmsTexts.languageOf(Optional.of("en-GB, fr;q=0.8")));
        assertEquals(Locale.FRENCH, SmsTexts.languageOf(Optional.of("fr, en;q=0.8")));
        assertEquals(Locale.FRENCH, SmsTexts.languageOf(Optional.of("de")));
        assertEquals(Locale.FRENCH, SmsTexts.languageOf(Optional.empty()));
    }
}
