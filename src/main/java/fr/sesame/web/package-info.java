/**
 * The portal shell every page shares: the language a person reads the portal in and the menu item
 * that marks where they are. Flows live in their own packages; nothing here knows about accounts.
 */
package fr.sesame.web;
