/**
 * Account activation (seed 002): identification, joker question, SMS alerts consent, photo and directory
 * choices, first password and charter, then one write and a confirmation mail.
 */
package fr.sesame.activation;
