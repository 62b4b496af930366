package fr.sesame.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.sesame.support.Portal;
import fr.sesame.support.PortalExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Outside demo mode (a real directory and SMTP server configured) the demo mailbox does not exist. */
@ExtendWith(PortalExtension.class)
class DemoMailboxOutsideDemoModeIT {

    @Test
    void theMailboxPageAnswersNotFound(Portal portal) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(portal.url("/mail/mailbox.xhtml"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
    }
}
