package fr.sesame.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.support.HazelcastExtension;
import fr.sesame.support.HazelcastPair;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the nodes share, on two real Hazelcast members as two portal nodes have. */
@ExtendWith(HazelcastExtension.class)
class ClusterTest {

    @Test
    void everyNodeOfAClusterGetsTheSameSecretAndAnotherNameAnotherSecret(HazelcastPair pair) {
        Cluster first = new Cluster(pair.first());
        Cluster second = new Cluster(pair.second());
        String name = "secret-" + UUID.randomUUID();

        byte[] drawnBySecond = second.secret(name, 32);

        assertEquals(32, drawnBySecond.length);
        assertArrayEquals(drawnBySecond, first.secret(name, 32));
        assertFalse(Arrays.equals(drawnBySecond, first.secret(name + "-another", 32)));
    }

    @Test
    void aPortalRunningAloneHasNoCachesAndDrawsItsOwnSecrets() {
        Cluster alone = Cluster.alone();

        assertTrue(alone.caches().isEmpty());
        assertFalse(Arrays.equals(alone.secret("help-request-form", 32), alone.secret("help-request-form", 32)),
                "nothing to share a secret with");
    }
}
