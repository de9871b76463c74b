/** Vaults on JPA. */
package org.strongroom.vault.infra;
