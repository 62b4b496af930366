/**
 * The helpdesk console (seed 003, "Renouveler le mot de passe via la console d'administration"): an agent finds a
 * person by the first letters of their name or by an identifier, opens their record and helps them back in (a
 * personal address and a reset link, a temporary password, an unlock, a new joker question, self-service on or
 * off). Every page needs the {@code helpdesk} role; every action reads the account again and is audited with the
 * agent as actor.
 */
package fr.sesame.helpdesk;
