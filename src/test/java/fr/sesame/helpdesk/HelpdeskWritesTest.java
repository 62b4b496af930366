package fr.sesame.helpdesk;

import fr.sesame.support.DirectoryUnderTest;

/** The helpdesk's writes, and the admin view of them, on the embedded UnboundID directory. */
class HelpdeskWritesTest extends HelpdeskWrites {

    HelpdeskWritesTest() {
        super(DirectoryUnderTest.embedded());
    }
}
