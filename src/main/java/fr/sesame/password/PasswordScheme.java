package fr.sesame.password;

import java.util.Arrays;
import java.util.Locale;

/**
 * How {@code userPassword} is written. Both are slow, salted schemes that the directory itself verifies
 * on a simple bind, so the portal never writes a clear-text password.
 */
public enum PasswordScheme {
    /**
     * {@code {CRYPT}$6$rounds=N$…}: SHA-512 crypt, verified out of the box by OpenLDAP 2.5 (glibc crypt),
     * 389-DS and the embedded directory. The default.
     */
    SHA512_CRYPT("sha512-crypt"),
    /**
     * {@code {ARGON2}$argon2id$…}: Argon2id, verified by OpenLDAP once its {@code argon2} module is loaded
     * ({@code ldap-schema/openldap/00-argon2-module.ldif}); not by 389-DS.
     */
    ARGON2("argon2");

    private final String key;

    PasswordScheme(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static PasswordScheme parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scheme -> scheme.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "sesame.password.scheme must be sha512-crypt or argon2, not " + value));
    }
}
