/**
 * Everything about secrets the portal derives or checks: the scheme the directory stores passwords in,
 * and the salted slow hashes (Argon2id) of joker answers, password history and tokens.
 */
package fr.sesame.password;
