/**
 * All access to the LDAP directory, and the only package that imports {@code com.unboundid}: the
 * connection pools, the attribute mapping, the {@link fr.sesame.directory.Account} view of a person's
 * entry, atomic writes, and the embedded demo directory.
 */
package fr.sesame.directory;
