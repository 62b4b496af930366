/**
 * "Problème de connexion ?": a public form where someone who cannot sign in leaves a help request (with a
 * honeypot and a minimum fill time against robots, and a per-client throttle), and the helpdesk's queue of
 * open requests, which agents close with a note mailed to the requester. Requests live in the directory
 * ({@link fr.sesame.directory.HelpRequestDirectory}).
 */
package fr.sesame.helprequest;
