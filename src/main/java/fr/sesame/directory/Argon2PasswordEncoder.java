package fr.sesame.directory;

import com.unboundid.ldap.listener.InMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.ResultCode;
import fr.sesame.password.Argon2Hasher;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Teaches the embedded directory {@code {ARGON2}}, as OpenLDAP's argon2 module verifies it. */
final class Argon2PasswordEncoder extends InMemoryPasswordEncoder {

    Argon2PasswordEncoder() {
        super("{ARGON2}", null);
    }

    @Override
    protected byte[] encodePassword(byte[] clearPassword, ReadOnlyEntry entry, List<Modification> modifications) {
        return Argon2Hasher.OWASP.hash(new String(clearPassword, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void ensurePreEncodedPasswordAppearsValid(byte[] unPrefixed, ReadOnlyEntry entry,
            List<Modification> modifications) throws LDAPException {
        if (!new String(unPrefixed, StandardCharsets.US_ASCII).startsWith("$argon2id$")) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "Only Argon2id is accepted");
        }
    }

    @Override
    protected boolean passwordMatches(byte[] clearPassword, byte[] unPrefixed, ReadOnlyEntry entry) {
        return Argon2Hasher.matches(new String(clearPassword, StandardCharsets.UTF_8),
                new String(unPrefixed, StandardCharsets.US_ASCII));
    }

    @Override
    protected byte[] extractClearPassword(byte[] unPrefixed, ReadOnlyEntry entry) throws LDAPException {
        throw new LDAPException(ResultCode.NOT_SUPPORTED, "An Argon2 hash cannot be reversed");
    }

    @Override
    public void toString(StringBuilder buffer) {
        buffer.append("Argon2PasswordEncoder");
    }
}
