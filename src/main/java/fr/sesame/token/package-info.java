/**
 * One-time tokens mailed to people (reset links, later the confirmation of a new personal address): made from
 * {@link java.security.SecureRandom}, kept in the person's own entry only as an Argon2id hash with their purpose
 * and expiry (so they survive a restart and work on every node), and links built on the portal's configured
 * public address.
 */
package fr.sesame.token;
