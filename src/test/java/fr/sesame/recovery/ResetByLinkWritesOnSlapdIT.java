package fr.sesame.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.SearchResultEntry;
import fr.sesame.directory.Account;
import fr.sesame.directory.AccountUpdate;
import fr.sesame.password.TemporaryPasswords;
import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.Slapd;
import fr.sesame.support.TestPeople;
import fr.sesame.support.TestPeople.Person;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reset link's writes on a real OpenLDAP slapd, loaded with ldap-schema/ as an administrator would; and, with
 * the ppolicy overlay loaded as well, a temporary password that also sets {@code pwdReset}. A fresh slapd for each
 * test, since the ppolicy one changes its configuration.
 */
class ResetByLinkWritesOnSlapdIT extends ResetByLinkWrites {

    ResetByLinkWritesOnSlapdIT() {
        super(DirectoryUnderTest.onNewSlapdForEachTest());
    }

    @Test
    void withPpolicyATemporaryPasswordAlsoSetsPwdReset(Slapd slapd) throws Exception {
        // What an administrator does to use sesame.temporary-password.pwd-reset: load ppolicy on the database and
        // let the portal's account write pwdReset.
        slapd.modifyConfig(String.join("\n",
                "dn: cn=module{0},cn=config",
                "changetype: modify",
                "add: olcModuleLoad",
                "olcModuleLoad: ppolicy",
                "",
                "dn: olcOverlay=ppolicy," + slapd.databaseDn(),
                "changetype: add",
                "objectClass: olcOverlayConfig",
                "objectClass: olcPPolicyConfig",
                "olcOverlay: ppolicy",
                "",
                "dn: " + slapd.databaseDn(),
                "changetype: modify",
                "add: olcAccess",
                "olcAccess: {0}to attrs=pwdReset by dn.exact=\"" + slapd.serviceDn() + "\" write by * break",
                ""));
        try (ResetServices withPwdReset = new ResetServices(directory.settings(), Map.of("sesame.temporary-password.pwd-reset", "true"))) {
            Person person = TestPeople.activatedStudent(directory.admin());
            Account account = withPwdReset.flow.people.getByDn(person.dn());
            AccountUpdate update = AccountUpdate.of(account);
            TemporaryPasswords.TemporaryPassword given = withPwdReset.temporaryPasswords.addTo(update, account);

            withPwdReset.flow.people.apply(update);

            SearchResultEntry entry = directory.admin().getEntry(person.dn(), "pwdReset", "sesameMustChangePassword");
            assertEquals("TRUE", entry.getAttributeValue("pwdReset"));
            assertEquals("TRUE", entry.getAttributeValue("sesameMustChangePassword"));
            assertTrue(binds(person, given.password()));
        }
    }
}
