/**
 * The first step of activation and recovery: a person names themselves by one identifier (student number,
 * INE, staff number or UID) and their birth date, and gets their account or one answer that reveals nothing.
 */
package fr.sesame.identification;
