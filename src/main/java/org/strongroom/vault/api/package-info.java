/** {@code /api/vaults}: create or update, read and list vaults (API.md, Vaults). */
package org.strongroom.vault.api;
