package fr.sesame.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.Set;

/** Turns the SDK's exceptions into the portal's small hierarchy, with messages free of sent values. */
final class DirectoryFailures {

    private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.UNAVAILABLE, ResultCode.BUSY, ResultCode.UNWILLING_TO_PERFORM,
            ResultCode.LOCAL_ERROR, ResultCode.DECODING_ERROR, ResultCode.ENCODING_ERROR, ResultCode.NO_MEMORY,
            ResultCode.OTHER);

    private DirectoryFailures() {}

    static DirectoryException translate(String operation, LDAPException e) {
        String message = "Could not " + operation + ": " + e.getResultCode();
        if (UNAVAILABLE.contains(e.getResultCode()) || e.getResultCode().isClientSideResultCode()) {
            return new DirectoryUnavailableException(message, e);
        }
        return new DirectoryException(message, e);
    }
}
