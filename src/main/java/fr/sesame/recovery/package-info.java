/**
 * Forgotten password (seeds 000, 001: identification, joker question, new password) and forgotten login
 * (identification, then the login on screen and by mail).
 */
package fr.sesame.recovery;
