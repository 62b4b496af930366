package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import fr.sesame.directory.EmbeddedDirectory;

/**
 * The portal under test, as {@link PortalExtension} runs it: a real Payara Micro serving the built WAR,
 * talking to a directory and an SMTP server that the test can look into.
 *
 * @param baseUrl the portal's address, without a trailing slash
 * @param directory the directory the portal uses (demo schema and people)
 * @param mail the SMTP server every mail of the portal goes to
 */
public record Portal(String baseUrl, EmbeddedDirectory directory, GreenMail mail) {

    /** Whether {@code password} opens the entry {@code dn} on a simple bind to the portal's directory. */
    public boolean binds(String dn, String password) throws com.unboundid.ldap.sdk.LDAPException {
        return Binds.succeed(() -> new com.unboundid.ldap.sdk.LDAPConnection("127.0.0.1", directory.port()), dn, password);
    }

    public String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }
}
