/**
 * "Gérer mon compte" (issue #5): the signed-in person's own account page, where they change their password,
 * their joker question, their SMS alerts and mobile number, the use of their photo and their visibility in the
 * internal directory, and read what happened on their account lately. Always the account of the session, never
 * one the browser names.
 */
package fr.sesame.selfcare;
