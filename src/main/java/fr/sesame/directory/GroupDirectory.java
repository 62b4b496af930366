package fr.sesame.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The groups a person belongs to, under the configured groups base: {@code groupOfNames} ({@code member})
 * and {@code groupOfUniqueNames} ({@code uniqueMember}). Sign-in turns them into roles.
 */
@ApplicationScoped
public class GroupDirectory {

    private DirectoryConnections connections;

    /** For CDI's proxy only. */
    protected GroupDirectory() {}

    @Inject
    public GroupDirectory(DirectoryResources resources) {
        this(resources.connections());
    }

    public GroupDirectory(DirectoryConnections connections) {
        this.connections = connections;
    }

    /** The DNs of the groups that list this entry as a member, normalised (lower case, no extra spaces). */
    public List<String> groupsOf(String memberDn) {
        Filter filter = Filter.createORFilter(
                Filter.createEqualityFilter("member", memberDn),
                Filter.createEqualityFilter("uniqueMember", memberDn));
        try {
            SearchRequest request = new SearchRequest(connections.settings().groupsBase(), SearchScope.SUB, filter, "1.1");
            return connections.operations().search(request).getSearchEntries().stream()
                    .map(SearchResultEntry::getDN)
                    .map(GroupDirectory::normalise)
                    .toList();
        } catch (LDAPException e) {
            throw DirectoryFailures.translate("read a person's groups", e);
        }
    }

    /** A DN in the form group comparisons use. */
    public static String normalise(String dn) {
        try {
            return new com.unboundid.ldap.sdk.DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.trim().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
