package fr.sesame.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.sesame.config.SesameConfig;
import fr.sesame.recovery.RecoveryMailService;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Mailed links are built on the configured public address, never on anything a request says. */
class TokenLinksTest {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    @Test
    void aLinkIsBuiltOnTheConfiguredPublicAddress() {
        SesameConfig config = new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("sesame.public-base-url", "https://sesame.univ.fr/"), "test", 500))
                .build());

        String link = new TokenLinks(config.publicBaseUrl()).link("/recovery/reset.xhtml", "10000002", TOKEN);

        assertEquals("https://sesame.univ.fr/recovery/reset.xhtml?u=10000002&t=" + TOKEN, link);
    }

    @Test
    void theAccountAndTokenAreEncodedSoTheyCannotAddParameters() {
        String link = new TokenLinks("https://sesame.univ.fr").link("/recovery/reset.xhtml", "a&t=x#y z", TOKEN);

        assertEquals("https://sesame.univ.fr/recovery/reset.xhtml?u=a%26t%3Dx%23y+z&t=" + TOKEN, link);
    }

    @Test
    void theLinkBuildersNeverSeeTheRequestSoNeverItsHostHeader() {
        // Neither the link builder nor the service that mails links can be handed a request, a Faces context or a
        // header: what they build depends on the configuration alone.
        Stream.of(TokenLinks.class, RecoveryMailService.class, Tokens.class)
                .flatMap(type -> Stream.concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods())))
                .flatMap(executable -> Arrays.stream(((Executable) executable).getParameterTypes()))
                .forEach(parameter -> assertFalse(parameter.getName().startsWith("jakarta.servlet")
                        || parameter.getName().startsWith("jakarta.faces") || parameter.getName().startsWith("jakarta.ws"),
                        "takes a " + parameter.getName()));
    }

    @Test
    void onlyAnAbsoluteHttpAddressIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new TokenLinks("sesame.univ.fr"));
        assertThrows(IllegalArgumentException.class, () -> new TokenLinks("javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new TokenLinks("https://sesame.univ.fr/?x=1"));
        assertThrows(IllegalArgumentException.class, () -> new TokenLinks("https://sesame.univ.fr").link("recovery", "u", TOKEN));
    }
}
