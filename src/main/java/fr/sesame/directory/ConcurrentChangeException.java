package fr.sesame.directory;

/**
 * A write was refused because the entry changed since it was read (the LDAP assertion on the values
 * read did not hold). Nothing was written: the caller re-reads the account, checks again, and retries.
 */
public class ConcurrentChangeException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String dn) {
        super("The entry " + dn + " changed while it was being updated");
    }
}
