/**
 * Running the portal as several nodes of one Payara cluster: what the nodes share besides sessions (which
 * Payara replicates by itself) lives in the JCache caches of Payara's embedded Hazelcast.
 */
package fr.sesame.cluster;
