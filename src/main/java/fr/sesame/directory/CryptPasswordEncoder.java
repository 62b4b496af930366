package fr.sesame.directory;

import com.unboundid.ldap.listener.InMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.ResultCode;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.UserPasswordHasher;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Teaches the embedded directory {@code {CRYPT}} SHA-512 crypt, as OpenLDAP and 389-DS verify it, so that
 * the demo stores no clear-text password and checks binds like a production directory.
 */
final class CryptPasswordEncoder extends InMemoryPasswordEncoder {

    private static final UserPasswordHasher HASHER = new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000);

    CryptPasswordEncoder() {
        super(UserPasswordHasher.CRYPT_PREFIX, null);
    }

    @Override
    protected byte[] encodePassword(byte[] clearPassword, ReadOnlyEntry entry, List<Modification> modifications) {
        String hashed = HASHER.hash(new String(clearPassword, StandardCharsets.UTF_8));
        return hashed.substring(UserPasswordHasher.CRYPT_PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void ensurePreEncodedPasswordAppearsValid(byte[] unPrefixed, ReadOnlyEntry entry,
            List<Modification> modifications) throws LDAPException {
        if (!new String(unPrefixed, StandardCharsets.US_ASCII).startsWith("$6$")) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "Only SHA-512 crypt ($6$) is accepted");
        }
    }

    @Override
    protected boolean passwordMatches(byte[] clearPassword, byte[] unPrefixed, ReadOnlyEntry entry) {
        return UserPasswordHasher.cryptMatches(new String(clearPassword, StandardCharsets.UTF_8),
                new String(unPrefixed, StandardCharsets.US_ASCII));
    }

    @Override
    protected byte[] extractClearPassword(byte[] unPrefixed, ReadOnlyEntry entry) throws LDAPException {
        throw new LDAPException(ResultCode.NOT_SUPPORTED, "A crypt hash cannot be reversed");
    }

    @Override
    public void toString(StringBuilder buffer) {
        buffer.append("CryptPasswordEncoder(SHA-512)");
    }
}
