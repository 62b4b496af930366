package fr.sesame.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.asn1.ASN1OctetString;
import fr.sesame.config.SesameConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People's accounts in the directory: find one by an identifier, read it, check its password, and apply
 * an {@link AccountUpdate} in one atomic modify. Every filter is built with the SDK's escaping.
 */
@ApplicationScoped
public class PeopleDirectory {

    /** How many entries an identifier may match before the directory's data is considered ambiguous. */
    private static final int AMBIGUITY_LIMIT = 2;

    private DirectoryConnections connections;
    private AttributeMap attributes;
    private Filter peopleFilter;
    private String peopleBase;

    /** For CDI's proxy only. */
    protected PeopleDirectory() {}

    @Inject
    public PeopleDirectory(DirectoryResources resources, SesameConfig config) {
        this(resources.connections(), config.attributes());
    }

    public PeopleDirectory(DirectoryConnections connections, AttributeMap attributes) {
        this.connections = connections;
        this.attributes = attributes;
        this.peopleBase = connections.settings().peopleBase();
        try {
            this.peopleFilter = Filter.create(connections.settings().peopleFilter());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("sesame.ldap.people-filter is not a valid LDAP filter", e);
        }
    }

    /**
     * The one account whose {@code field} equals {@code value}, if exactly one person has it. When several
     * entries share an identifier (a data error), none is returned: the portal must not guess whose account
     * it is working on.
     */
    public Optional<Account> findBy(AccountField field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Filter filter = Filter.createANDFilter(peopleFilter,
                Filter.createEqualityFilter(attributes.attribute(field), value.trim()));
        List<Account> found = search(filter, AMBIGUITY_LIMIT);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Every account whose {@code field} equals {@code value} (e.g. all accounts sharing a personal email). */
    public List<Account> findAllBy(AccountField field, String value, int limit) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return search(Filter.createANDFilter(peopleFilter,
                Filter.createEqualityFilter(attributes.attribute(field), value.trim())), limit);
    }

    /**
     * What a helpdesk search found: at most the asked limit of accounts, sorted by name, and whether more
     * matched (the agent must then refine).
     */
    public record Matches(List<Account> accounts, boolean more) {}

    /** The fields a name prefix is looked for in. */
    private static final List<AccountField> NAME_FIELDS =
            List.of(AccountField.SURNAME, AccountField.GIVEN_NAME, AccountField.DISPLAY_NAME);
    /** The fields an identifier must equal. */
    private static final List<AccountField> IDENTIFIER_FIELDS = List.of(AccountField.LOGIN, AccountField.UID,
            AccountField.ALIAS, AccountField.INSTITUTIONAL_EMAIL, AccountField.PERSONAL_EMAIL,
            AccountField.STUDENT_NUMBER, AccountField.STAFF_NUMBER, AccountField.INE);

    /**
     * The people whose surname, given name or display name starts with {@code text}, or whose login, uid, alias,
     * email (institutional or personal), student or staff number or INE is {@code text}: at most {@code limit},
     * sorted by name (French collation). Case never matters (the schema's {@code caseIgnore} rules); accents
     * matter to the directory (neither OpenLDAP nor the in-memory server folds them), so the text is also
     * searched with its accents stripped, which finds "Helene" when "Hélène" is typed, not the reverse. Read
     * in pages ({@code SimplePagedResultsControl}) so that a large directory answers within its limits.
     */
    public Matches search(String text, int limit) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return new Matches(List.of(), false);
        }
        List<String> variants = new ArrayList<>(List.of(typed));
        String plain = withoutAccents(typed);
        if (!plain.equals(typed)) {
            variants.add(plain);
        }
        List<Filter> any = new ArrayList<>();
        for (String variant : variants) {
            for (AccountField field : NAME_FIELDS) {
                any.add(Filter.createSubInitialFilter(attributes.attribute(field), variant));
            }
        }
        for (AccountField field : IDENTIFIER_FIELDS) {
            any.add(Filter.createEqualityFilter(attributes.attribute(field), typed));
        }
        Filter filter = Filter.createANDFilter(peopleFilter, Filter.createORFilter(any));
        List<Account> found = pagedSearch(filter, limit + 1);
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.SECONDARY);
        Comparator<Account> byName = Comparator.comparing((Account a) -> a.value(AccountField.SURNAME).orElse(""), collator)
                .thenComparing(a -> a.value(AccountField.GIVEN_NAME).orElse(""), collator)
                .thenComparing(Account::login);
        List<Account> sorted = found.stream().sorted(byName).toList();
        boolean more = sorted.size() > limit;
        return new Matches(more ? sorted.subList(0, limit) : sorted, more);
    }

    static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private List<Account> pagedSearch(Filter filter, int wanted) {
        return pagedEntries(filter, wanted, attributes.allAttributes()).entries().stream().map(this::toAccount).toList();
    }

    /** What a paged search read, and whether it stopped before the end (the limit, or the server's own). */
    private record Read(List<SearchResultEntry> entries, boolean cut) {}

    /** At most {@code wanted} entries, read in pages of that size. */
    private Read pagedEntries(Filter filter, int wanted, String... attributesToRead) {
        List<SearchResultEntry> found = new ArrayList<>();
        ASN1OctetString cookie = null;
        try {
            do {
                SearchRequest request = new SearchRequest(peopleBase, SearchScope.SUB, filter, attributesToRead);
                request.setSizeLimit(wanted);
                request.addControl(new SimplePagedResultsControl(wanted, cookie));
                SearchResult result;
                try {
                    result = connections.operations().search(request);
                } catch (com.unboundid.ldap.sdk.LDAPSearchException e) {
                    if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                        throw e;
                    }
                    found.addAll(e.getSearchEntries());
                    return new Read(found.size() > wanted ? found.subList(0, wanted) : found, true);
                }
                found.addAll(result.getSearchEntries());
                SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
                cookie = paging == null || !paging.moreResultsToReturn() ? null : paging.getCookie();
            } while (cookie != null && found.size() < wanted);
        } catch (LDAPException e) {
            throw DirectoryFailures.translate("search for people", e);
        }
        return new Read(found.size() > wanted ? found.subList(0, wanted) : found, cookie != null || found.size() > wanted);
    }

    /**
     * The security events kept on people's entries, as stored, of the people who have events containing each of
     * {@code fragments} (not necessarily in the same event): every kept event of at most {@code maxPeople} of
     * them, and whether the search stopped there (or at the server's own size limit) with more to read.
     *
     * @param values the {@link AccountField#SECURITY_EVENT} values, in no particular order
     * @param more whether the search stopped before reading every person who matched
     */
    public record KeptEvents(List<String> values, boolean more) {}

    /**
     * Finds kept events by pieces of their text: one substring filter per fragment, built by the SDK (which escapes
     * them), served by the {@code sesameSecurityEvent sub} index of {@code ldap-schema/}. Only the events are read.
     */
    public KeptEvents keptEventsContaining(List<String> fragments, int maxPeople) {
        if (fragments.isEmpty()) {
            throw new IllegalArgumentException("At least one fragment, or every entry would be read");
        }
        String attribute = attributes.attribute(AccountField.SECURITY_EVENT);
        List<Filter> all = new ArrayList<>(List.of(peopleFilter));
        for (String fragment : fragments) {
            all.add(Filter.createSubAnyFilter(attribute, fragment));
        }
        Read read = pagedEntries(Filter.createANDFilter(all), maxPeople, attribute);
        List<String> values = new ArrayList<>();
        for (SearchResultEntry entry : read.entries()) {
            String[] kept = entry.getAttributeValues(attribute);
            if (kept != null) {
                values.addAll(List.of(kept));
            }
        }
        return new KeptEvents(values, read.cut());
    }

    /** The account at {@code dn}, read afresh. */
    public Optional<Account> findByDn(String dn) {
        try {
            SearchResultEntry entry = connections.operations().getEntry(dn, attributes.allAttributes());
            return Optional.ofNullable(entry).map(this::toAccount);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw DirectoryFailures.translate("read an account", e);
        }
    }

    /** The account at {@code dn}; it must exist. */
    public Account getByDn(String dn) {
        return findByDn(dn).orElseThrow(() -> new AccountNotFoundException(dn));
    }

    /** Whether {@code password} is this account's password, checked by a bind the directory judges. */
    public boolean passwordMatches(Account account, String password) {
        return connections.passwordMatches(account.dn(), password);
    }

    /**
     * Applies every change in one LDAP modify: all of them happen or none does. If the update carries
     * expectations and the entry no longer meets them, nothing is written and {@link ConcurrentChangeException}
     * is thrown.
     */
    public void apply(AccountUpdate update) {
        if (update.isEmpty()) {
            return;
        }
        List<Modification> modifications = new ArrayList<>();
        for (AccountUpdate.Change change : update.changes()) {
            String attribute = attributes.attribute(change.field());
            String[] values = change.values().toArray(String[]::new);
            modifications.add(switch (change.kind()) {
                case REPLACE -> new Modification(ModificationType.REPLACE, attribute, values);
                case ADD -> new Modification(ModificationType.ADD, attribute, values);
                case DELETE -> new Modification(ModificationType.DELETE, attribute, values);
            });
        }
        ModifyRequest request = new ModifyRequest(update.dn(), modifications);
        assertion(update).ifPresent(request::addControl);
        try {
            connections.modify(request);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ASSERTION_FAILED) {
                throw new ConcurrentChangeException(update.dn());
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new AccountNotFoundException(update.dn());
            }
            throw DirectoryFailures.translate("update an account", e);
        }
    }

    private Optional<Control> assertion(AccountUpdate update) {
        List<Filter> conditions = new ArrayList<>();
        for (AccountUpdate.Change expected : update.expectations()) {
            String attribute = attributes.attribute(expected.field());
            if (expected.values().isEmpty()) {
                conditions.add(Filter.createNOTFilter(Filter.createPresenceFilter(attribute)));
            } else {
                for (String value : expected.values()) {
                    conditions.add(Filter.createEqualityFilter(attribute, value));
                }
            }
        }
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AssertionRequestControl(Filter.createANDFilter(conditions), true));
    }

    private List<Account> search(Filter filter, int limit) {
        try {
            SearchRequest request = new SearchRequest(peopleBase, SearchScope.SUB, filter, attributes.allAttributes());
            request.setSizeLimit(limit);
            SearchResult result = connections.operations().search(request);
            return result.getSearchEntries().stream().map(this::toAccount).toList();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED && e instanceof com.unboundid.ldap.sdk.LDAPSearchException s) {
                return s.getSearchEntries().stream().map(this::toAccount).toList();
            }
            throw DirectoryFailures.translate("search for an account", e);
        }
    }

    private Account toAccount(SearchResultEntry entry) {
        Map<AccountField, List<String>> values = new EnumMap<>(AccountField.class);
        for (AccountField field : AccountField.values()) {
            Attribute attribute = entry.getAttribute(attributes.attribute(field));
            if (attribute != null && attribute.hasValue()) {
                values.put(field, List.of(attribute.getValues()));
            }
        }
        return new Account(entry.getDN(), values, attributes.birthDatePattern());
    }
}
