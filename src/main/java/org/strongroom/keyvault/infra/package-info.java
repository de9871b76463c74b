/** Key vaults and keys on JPA. */
package org.strongroom.keyvault.infra;
