package fr.sesame.recovery;

import fr.sesame.support.DirectoryUnderTest;

/** The self-service writes on the embedded UnboundID directory. */
class SelfServiceWritesTest extends SelfServiceWrites {

    SelfServiceWritesTest() {
        super(DirectoryUnderTest.embedded());
    }
}
