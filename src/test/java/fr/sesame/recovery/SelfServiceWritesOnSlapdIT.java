package fr.sesame.recovery;

import fr.sesame.support.DirectoryUnderTest;

/**
 * The self-service writes on a real OpenLDAP slapd, loaded with ldap-schema/ as an administrator would. A fresh
 * slapd for each test.
 */
class SelfServiceWritesOnSlapdIT extends SelfServiceWrites {

    SelfServiceWritesOnSlapdIT() {
        super(DirectoryUnderTest.onNewSlapdForEachTest());
    }
}
