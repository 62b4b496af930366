/**
 * The audit trail: every state change in Sésame, self-service or helpdesk, becomes one
 * {@link fr.sesame.audit.AuditRecord} of a typed {@link fr.sesame.audit.AuditEvent}, written as a JSON
 * line for a SIEM and, for the person concerned, kept in their directory entry. Never a secret.
 */
package fr.sesame.audit;
