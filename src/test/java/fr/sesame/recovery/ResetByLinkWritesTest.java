package fr.sesame.recovery;

import fr.sesame.support.DirectoryUnderTest;

/** The reset link's writes on the embedded UnboundID directory. */
class ResetByLinkWritesTest extends ResetByLinkWrites {

    ResetByLinkWritesTest() {
        super(DirectoryUnderTest.embedded());
    }
}
