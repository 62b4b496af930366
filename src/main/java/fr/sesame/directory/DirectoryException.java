package fr.sesame.directory;

/**
 * The directory refused or failed an operation. The message names the operation and the LDAP result,
 * never a value that was sent (it could be a secret).
 */
public class DirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public DirectoryException(String message) {
        super(message);
    }
}
