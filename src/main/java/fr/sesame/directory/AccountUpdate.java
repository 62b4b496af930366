package fr.sesame.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes to one account, applied by {@link PeopleDirectory#apply} in a single LDAP modify
 * (atomic per entry), guarded by what the caller expects the entry to still hold.
 */
public final class AccountUpdate {

    /** What one change does to a field. */
    enum Kind {
        REPLACE,
        ADD,
        DELETE
    }

    record Change(AccountField field, Kind kind, List<String> values) {}

    private final String dn;
    private final List<Change> changes = new ArrayList<>();
    private final List<Change> expectations = new ArrayList<>();

    private AccountUpdate(String dn) {
        this.dn = dn;
    }

    /** Changes to the account read as {@code account}. */
    public static AccountUpdate of(Account account) {
        return new AccountUpdate(account.dn());
    }

    /** Changes to the entry at {@code dn}. */
    public static AccountUpdate of(String dn) {
        return new AccountUpdate(dn);
    }

    /** Replaces every value of the field (no values: removes the field, absent or not). */
    public AccountUpdate set(AccountField field, String... values) {
        changes.add(new Change(field, Kind.REPLACE, List.of(values)));
        return this;
    }

    public AccountUpdate set(AccountField field, List<String> values) {
        changes.add(new Change(field, Kind.REPLACE, List.copyOf(values)));
        return this;
    }

    public AccountUpdate set(AccountField field, boolean value) {
        return set(field, value ? "TRUE" : "FALSE");
    }

    public AccountUpdate clear(AccountField field) {
        return set(field);
    }

    public AccountUpdate add(AccountField field, String... values) {
        changes.add(new Change(field, Kind.ADD, List.of(values)));
        return this;
    }

    public AccountUpdate remove(AccountField field, String... values) {
        changes.add(new Change(field, Kind.DELETE, List.of(values)));
        return this;
    }

    /**
     * Makes the write conditional: it fails with {@link ConcurrentChangeException} unless the field
     * still holds exactly these values (none: the field must be absent).
     */
    public AccountUpdate expecting(AccountField field, List<String> currentValues) {
        expectations.add(new Change(field, Kind.REPLACE, List.copyOf(currentValues)));
        return this;
    }

    /** Guards the write with the value the account was read with. */
    public AccountUpdate expectingUnchanged(Account account, AccountField field) {
        return expecting(field, account.values(field));
    }

    String dn() {
        return dn;
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    List<Change> expectations() {
        return List.copyOf(expectations);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
