/**
 * Defences against guessing: failed-attempt counts and locks kept in the directory (so every node and
 * every restart sees them), a per-client sliding window (in memory, or in the cluster's JCache when the
 * portal runs as several nodes), and a response-time floor so an answer never tells by its speed whether an
 * account exists.
 */
package fr.sesame.security;
