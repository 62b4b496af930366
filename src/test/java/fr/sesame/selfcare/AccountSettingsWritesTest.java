package fr.sesame.selfcare;

import fr.sesame.support.DirectoryUnderTest;

/** The account page's writes on the embedded UnboundID directory. */
class AccountSettingsWritesTest extends AccountSettingsWrites {

    AccountSettingsWritesTest() {
        super(DirectoryUnderTest.embedded());
    }
}
