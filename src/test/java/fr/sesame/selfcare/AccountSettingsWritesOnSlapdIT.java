package fr.sesame.selfcare;

import fr.sesame.support.DirectoryUnderTest;
import fr.sesame.support.Slapd;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account page's writes on a real OpenLDAP slapd, loaded with ldap-schema/ as an administrator would. One
 * slapd for the class (each test works on a person of its own), fresh services and mail server for each test.
 */
@ExtendWith(Slapd.Extension.class)
class AccountSettingsWritesOnSlapdIT extends AccountSettingsWrites {

    AccountSettingsWritesOnSlapdIT(Slapd slapd) {
        super(DirectoryUnderTest.on(slapd));
    }
}
