/**
 * Defences against guessing: failed-attempt counts and locks kept in the directory (so every node and
 * every restart sees them), a per-client sliding window in memory, and a response-time floor so an answer
 * never tells by its speed whether an account exists.
 */
package fr.sesame.security;
