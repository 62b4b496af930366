package fr.sesame.mail;

import java.time.Duration;
import java.util.Optional;

/** Where mail goes out and who it comes from. */
public record MailSettings(
        String host,
        int port,
        MailSecurity security,
        Optional<String> username,
        String password,
        String from,
        Duration timeout) {

    /** The same settings aimed at another SMTP endpoint, without authentication. */
    public MailSettings pointedAt(String otherHost, int otherPort) {
        return new MailSettings(otherHost, otherPort, MailSecurity.NONE, Optional.empty(), "", from, timeout);
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", security=" + security + ", from=" + from + "]";
    }
}
