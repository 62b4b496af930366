package fr.sesame.support;

import com.icegreen.greenmail.util.GreenMail;
import fr.sesame.directory.EmbeddedDirectory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal under test, as {@link PortalExtension} runs it: a real Payara Micro serving the built WAR,
 * talking to a directory and an SMTP server that the test can look into.
 *
 * @param baseUrl the portal's address, without a trailing slash
 * @param directory the directory the portal uses (demo schema and people)
 * @param mail the SMTP server every mail of the portal goes to
 * @param auditFile the file the portal appends its audit trail to ({@code sesame.audit.file})
 */
public record Portal(String baseUrl, EmbeddedDirectory directory, GreenMail mail, Path auditFile) {

    /** The audit file's records so far, each line read as the JSON object it must be. */
    public List<JsonObject> auditRecords() throws IOException {
        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(auditFile, StandardCharsets.UTF_8)) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                records.add(reader.readObject());
            }
        }
        return records;
    }

    /** Whether {@code password} opens the entry {@code dn} on a simple bind to the portal's directory. */
    public boolean binds(String dn, String password) throws com.unboundid.ldap.sdk.LDAPException {
        return Binds.succeed(() -> new com.unboundid.ldap.sdk.LDAPConnection("127.0.0.1", directory.port()), dn, password);
    }

    public String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }
}
