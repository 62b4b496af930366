package fr.sesame.directory;


/**
 * Consents live as values of the SupAnn 2021 {@code supannConsentement} attribute (one value per consent,
 * present when given), next to other applications' consents, which are never touched.
 */
public final class Consents {

    private Consents() {}

    /** Whether the account holds this consent value. */
    public static boolean given(Account account, String consentValue) {
        return account.values(AccountField.CONSENT).stream().anyMatch(consentValue::equalsIgnoreCase);
    }

    /** Adds to {@code update} what makes the consent given or withdrawn, leaving other values alone. */
    public static void apply(AccountUpdate update, Account account, String consentValue, boolean give) {
        boolean present = given(account, consentValue);
        if (give && !present) {
            update.add(AccountField.CONSENT, consentValue);
        } else if (!give && present) {
            account.values(AccountField.CONSENT).stream()
                    .filter(consentValue::equalsIgnoreCase)
                    .forEach(value -> update.remove(AccountField.CONSENT, value));
        }
    }
}
