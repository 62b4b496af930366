package fr.sesame.directory;

/**
 * No directory server could be reached or answered in time. The portal shows the "directory
 * unreachable" page for it: nothing was changed and the person can try again later.
 */
public class DirectoryUnavailableException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
