/**
 * The built-in key vault: RSA keys with versions, access policies, soft delete and purge protection,
 * and wrap/unwrap — with the semantics users know from cloud key vaults. Its data plane speaks the
 * Azure Key Vault keys REST API (7.4); its management plane is Strongroom's own.
 *
 * <p>Other components use it only through the {@link org.strongroom.keyvault.KeyVaultClient} port,
 * acting as a principal (a vault's managed identity). Knows no vault. Depends on {@code platform},
 * {@code crypto}, {@code activitylog}, {@code web} and the role names of {@code security}.
 */
package org.strongroom.keyvault;
