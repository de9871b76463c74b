/**
 * Key vaults ({@link org.strongroom.keyvault.domain.KeyVault}) with their access policies, and keys
 * ({@link org.strongroom.keyvault.domain.KeyVaultKey}) with their versions
 * ({@link org.strongroom.keyvault.domain.KeyVersion}), with the rules of SPEC 5–8 and API.md.
 */
package org.strongroom.keyvault.domain;
