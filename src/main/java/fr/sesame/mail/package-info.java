/**
 * Sending mail through Jakarta Mail to the configured SMTP server, and the embedded demo SMTP server
 * whose mailbox a newcomer reads in the browser.
 */
package fr.sesame.mail;
