/** Use cases of vaults: create or update, read, list. */
package org.strongroom.vault.app;
