package fr.sesame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.config.SesameConfig;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.PeopleDirectory;
import fr.sesame.mail.DemoMailbox;
import fr.sesame.mail.MailSender;
import fr.sesame.mail.OutgoingMail;
import fr.sesame.support.Deployments;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged WAR deploys on Payara Micro, serves its home page and wires its directory layer. */
@ExtendWith(ArquillianExtension.class)
class DeploymentIT {

    @Deployment
    static WebArchive portal() {
        return Deployments.portal();
    }

    @Inject
    SesameConfig config;

    @Inject
    PeopleDirectory people;

    @Inject
    MailSender mailSender;

    @Inject
    DemoMailbox demoMailbox;

    @Test
    @RunAsClient
    void homePageIsServedInFrench(@ArquillianResource URL base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "index.xhtml")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("lang=\"fr\""), "French by default");
        assertTrue(response.body().contains("Sésame"));
    }

    @Test
    @RunAsClient
    void demoMailboxPageShowsTheMailsTheEmbeddedServerReceived(@ArquillianResource URL base) throws Exception {
        sendToEmbeddedServer("Essai affiché dans la boîte <démo>");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "mail/mailbox.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<h1>Boîte aux lettres de démonstration</h1>"));
        assertTrue(response.body().contains("Essai affiché dans la boîte &lt;démo&gt;"), "subject shown, escaped");
        assertTrue(response.body().contains("alice.martin@perso.example.org"));
    }

    /** Sends a mail over SMTP to the portal's embedded server, as any mail client would. */
    private static void sendToEmbeddedServer(String subject) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", System.getProperty("sesame.test.embeddedSmtpPort", "12525"));
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(props));
        message.setFrom("sender@example.org");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "alice.martin@perso.example.org");
        message.setSubject(subject, "UTF-8");
        message.setText("Corps du message", "UTF-8");
        jakarta.mail.Transport.send(message);
    }

    @Test
    void aMailSentThroughJakartaMailReachesTheDemoMailbox() throws Exception {
        mailSender.send(new OutgoingMail("alice.martin@perso.example.org", "Essai de la boîte de démonstration",
                "Texte", "<p>Texte</p>", Locale.FRENCH));

        assertTrue(demoMailbox.getMails().stream()
                .anyMatch(mail -> mail.subject().equals("Essai de la boîte de démonstration")
                        && mail.to().equals("alice.martin@perso.example.org")));
    }

    @Test
    void injectedDirectoryLayerFindsADemoPersonInTheEmbeddedDirectory() {
        assertTrue(config.embedded());

        Account bruno = people.findBy(AccountField.LOGIN, "bruno.petit").orElseThrow();

        assertEquals("Bruno Petit", bruno.displayName());
        assertTrue(people.passwordMatches(bruno, "Rentree-2026!"));
    }
}
