package fr.sesame.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import fr.sesame.config.SesameConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Help requests left by people who cannot sign in, kept as {@code sesameHelpRequest} entries under
 * {@code sesame.ldap.help-requests-base}. The directory is their store of record because it already is the
 * portal's only store: a request survives a restart, every node of a cluster sees the same queue, and nobody
 * has to run, back up or secure a database for a handful of short-lived entries.
 *
 * <p>An entry: {@code sesameRequestId=<random id>}, {@code cn} (the name typed), {@code mail} (the contact),
 * {@code description} (what is wrong), {@code sesameRequestState} ({@code open} or {@code closed}) and its
 * history as {@code sesameSecurityEvent} values (one JSON object each, written by the caller). When it was
 * left comes from the operational {@code createTimestamp}.
 */
@ApplicationScoped
public class HelpRequestDirectory {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    /** How many open entries one listing reads at most before sorting them; a healthy queue is far shorter. */
    static final int READ_LIMIT = 1000;

    private static final String OBJECT_CLASS = "sesameHelpRequest";
    private static final String ID = "sesameRequestId";
    private static final String STATE = "sesameRequestState";
    private static final String HISTORY = "sesameSecurityEvent";
    private static final String CREATED = "createTimestamp";
    private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One help request as stored.
     *
     * @param submittedAt the entry's {@code createTimestamp}; {@link Instant#EPOCH} if the directory does not give it
     * @param history the {@code sesameSecurityEvent} values, as stored (JSON objects, in no particular order)
     */
    public record StoredHelpRequest(String id, Instant submittedAt, String name, String contact, String description,
            String state, List<String> history) implements Serializable {

        public StoredHelpRequest {
            history = List.copyOf(history);
        }

        public boolean open() {
            return OPEN.equalsIgnoreCase(state);
        }
    }

    private DirectoryConnections connections;
    private String base;

    /** For CDI's proxy only. */
    protected HelpRequestDirectory() {}

    @Inject
    public HelpRequestDirectory(DirectoryResources resources, SesameConfig config) {
        this(resources.connections(), config.helpRequestsBase());
    }

    public HelpRequestDirectory(DirectoryConnections connections, String base) {
        this.connections = connections;
        this.base = base;
    }

    /**
     * Stores a new open request and returns its id (random, URL-safe). {@code firstEvent} is its first history
     * value. Values are sent as attribute values, never parsed as LDAP syntax.
     */
    public String add(String name, String contact, String description, String firstEvent) {
        String id = newId();
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", OBJECT_CLASS),
                new Attribute(ID, id),
                new Attribute(STATE, OPEN),
                new Attribute(HISTORY, firstEvent)));
        addIfPresent(attributes, "cn", name);
        addIfPresent(attributes, "mail", contact);
        addIfPresent(attributes, "description", description);
        try {
            connections.add(new Entry(dnOf(id), attributes));
            return id;
        } catch (LDAPException e) {
            throw DirectoryFailures.translate("store a help request", e);
        }
    }

    /** The open requests, newest first, at most {@code limit} of them. */
    public List<StoredHelpRequest> listOpen(int limit) {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", OBJECT_CLASS),
                Filter.createEqualityFilter(STATE, OPEN));
        SearchRequest request = new SearchRequest(base, SearchScope.ONE, filter, "*", CREATED);
        request.setSizeLimit(READ_LIMIT);
        List<SearchResultEntry> entries;
        try {
            entries = connections.operations().search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw DirectoryFailures.translate("list the open help requests", e);
            }
            entries = e.getSearchEntries();
        }
        // Sorted here rather than with the server-side sort control, which not every directory offers.
        return entries.stream()
                .map(HelpRequestDirectory::toRecord)
                .sorted(Comparator.comparing(StoredHelpRequest::submittedAt).reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    /** The request with this id, open or closed; empty when there is none or the id cannot be one. */
    public Optional<StoredHelpRequest> find(String id) {
        if (id == null || !ID_FORMAT.matcher(id).matches()) {
            return Optional.empty();
        }
        try {
            SearchRequest request = new SearchRequest(dnOf(id), SearchScope.BASE,
                    Filter.createEqualityFilter("objectClass", OBJECT_CLASS), "*", CREATED);
            return connections.operations().search(request).getSearchEntries().stream()
                    .findFirst()
                    .map(HelpRequestDirectory::toRecord);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw DirectoryFailures.translate("read a help request", e);
        }
    }

    /**
     * Closes an open request and adds {@code event} to its history, in one modify that only succeeds while the
     * state is still {@code open}: it deletes the value {@code open}, which the directory refuses when it is no
     * longer there. So two agents closing the same request at once cannot both succeed.
     *
     * @return {@code true} if this call closed it; {@code false} if it was already closed or does not exist
     */
    public boolean close(String id, String event) {
        if (id == null || !ID_FORMAT.matcher(id).matches()) {
            return false;
        }
        try {
            connections.modify(new ModifyRequest(dnOf(id),
                    new Modification(ModificationType.DELETE, STATE, OPEN),
                    new Modification(ModificationType.ADD, STATE, CLOSED),
                    new Modification(ModificationType.ADD, HISTORY, event)));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw DirectoryFailures.translate("close a help request", e);
        }
    }

    private DN dnOf(String id) {
        try {
            return new DN(new RDN(ID, id), new DN(base));
        } catch (LDAPException e) {
            throw new IllegalArgumentException(SesameConfig.LDAP_HELP_REQUESTS_BASE + " is not a DN: " + base, e);
        }
    }

    private static void addIfPresent(List<Attribute> attributes, String name, String value) {
        if (value != null && !value.isEmpty()) {
            attributes.add(new Attribute(name, value));
        }
    }

    private static StoredHelpRequest toRecord(SearchResultEntry entry) {
        Date created = entry.getAttributeValueAsDate(CREATED);
        String[] history = entry.getAttributeValues(HISTORY);
        return new StoredHelpRequest(
                entry.getAttributeValue(ID),
                created == null ? Instant.EPOCH : created.toInstant(),
                entry.getAttributeValue("cn"),
                entry.getAttributeValue("mail"),
                entry.getAttributeValue("description"),
                entry.getAttributeValue(STATE),
                history == null ? List.of() : List.of(history));
    }

    private static String newId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
