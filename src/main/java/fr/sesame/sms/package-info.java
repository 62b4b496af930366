/**
 * Sending text messages (SMS) through a pluggable gateway chosen by {@code sesame.sms.gateway}: none, the
 * development gateway whose outbox a newcomer reads in the browser ({@code /sms/outbox.xhtml}), or a generic HTTP
 * gateway configured by URL, method, template and credentials.
 */
package fr.sesame.sms;
