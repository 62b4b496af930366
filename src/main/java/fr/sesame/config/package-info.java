/**
 * The one typed view of Sésame's settings, read through MicroProfile Config (environment variables,
 * system properties, {@code payara-config/}). Every key is a constant of {@link fr.sesame.config.SesameConfig}
 * and is documented in the README with its default.
 */
package fr.sesame.config;
