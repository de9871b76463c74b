/** The {@link org.strongroom.vault.domain.Vault} aggregate and its repository port. */
package org.strongroom.vault.domain;
