package fr.sesame.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.HazelcastPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the nodes share, on two real Hazelcast members as two portal nodes have. */
class ClusterTest {

    @Test
    void everyNodeOfAClusterGetsTheSameSecretAndAnotherNameAnotherSecret() {
        try (HazelcastPair pair = HazelcastPair.start()) {
            Cluster first = new Cluster(pair.first());
            Cluster second = new Cluster(pair.second());

            byte[] drawnBySecond = second.secret("help-request-form", 32);

            assertEquals(32, drawnBySecond.length);
            assertArrayEquals(drawnBySecond, first.secret("help-request-form", 32));
            assertFalse(Arrays.equals(drawnBySecond, first.secret("another", 32)));
        }
    }

    @Test
    void aPortalRunningAloneHasNoCachesAndDrawsItsOwnSecrets() {
        Cluster alone = Cluster.alone();

        assertTrue(alone.caches().isEmpty());
        assertFalse(Arrays.equals(alone.secret("help-request-form", 32), alone.secret("help-request-form", 32)),
                "nothing to share a secret with");
    }
}
