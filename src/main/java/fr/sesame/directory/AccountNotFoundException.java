package fr.sesame.directory;

/** An account the caller was sure of (by its DN) is no longer in the directory. */
public class AccountNotFoundException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(String dn) {
        super("No account at " + dn);
    }
}
