package fr.sesame.directory;

import java.util.Locale;

/** How the connection to the directory is protected. */
public enum LdapSecurity {
    /** Clear LDAP: only for a directory on the same host or the embedded demo. */
    NONE,
    /** TLS from the first byte ({@code ldaps://}, usually port 636). */
    LDAPS,
    /** StartTLS on the LDAP port, before binding. */
    STARTTLS;

    public static LdapSecurity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesame.ldap.security must be none, ldaps or starttls, not " + value, e);
        }
    }
}
