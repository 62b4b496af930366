package fr.sesame.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/** The one check of an email address a person typed, shared by every flow that takes one. */
public final class EmailAddresses {

    private static final int MAX_EMAIL_LENGTH = 254;

    private EmailAddresses() {}

    /**
     * The address typed, if it is exactly one plain address ({@code name@domain}, no display name, no list, no line
     * break): checked before any lookup, so that nothing else reaches a directory filter or a mail header.
     */
    public static Optional<String> oneAddress(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.isEmpty() || text.length() > MAX_EMAIL_LENGTH || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(text, true);
            if (parsed.length != 1 || parsed[0].getPersonal() != null || !text.equals(parsed[0].getAddress())) {
                return Optional.empty();
            }
            parsed[0].validate();
            String address = parsed[0].getAddress();
            int at = address.indexOf('@');
            if (at < 1 || at != address.lastIndexOf('@') || address.indexOf('.', at) < 0 || address.startsWith("\"")) {
                return Optional.empty();
            }
            return Optional.of(address);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
