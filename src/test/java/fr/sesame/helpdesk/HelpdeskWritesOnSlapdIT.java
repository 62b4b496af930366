package fr.sesame.helpdesk;

import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.Slapd;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The helpdesk's writes, and the admin view of them, on a real OpenLDAP slapd loaded with ldap-schema/ (schema,
 * indexes, access rules) as an administrator would. One slapd for the class (each test works on people and an
 * agent of its own), fresh services and mail server for each test.
 */
@ExtendWith(Slapd.Extension.class)
class HelpdeskWritesOnSlapdIT extends HelpdeskWrites {

    HelpdeskWritesOnSlapdIT(Slapd slapd) {
        super(DirectoryUnderTest.on(slapd));
    }
}
