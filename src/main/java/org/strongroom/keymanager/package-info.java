/**
 * Key managers beside the built-in key vault: servers that speak Azure Key Vault's protocol (Azure Key
 * Vault, Managed HSM, another Strongroom), registered by an admin with the credential Strongroom signs in
 * with there ({@code /api/keyManagers}). {@link org.strongroom.keymanager.app.KeyManagers} is the
 * {@link org.strongroom.keyvault.KeyVaultClient} every other component uses: it chooses the key manager by
 * the key URI, guards remote ones with timeouts, retries and a circuit breaker, and reports their health.
 */
package org.strongroom.keymanager;
