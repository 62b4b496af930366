/**
 * Signing in to Sésame: a Jakarta Security identity store that checks the password by a bind against the
 * directory and takes roles from group membership, the sign-in and sign-out pages, and the signed-in
 * person held for the session.
 */
package fr.sesame.signin;
