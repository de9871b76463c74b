/**
 * The key vault's REST API. Management plane ({@code /api/keyvaults}, {@code .../accessPolicies}) in
 * Strongroom's format; data plane ({@code {keyVaultUri}/keys}, {@code .../deletedkeys}) in the format of
 * the Azure Key Vault keys REST API 7.4: JSON Web Keys (RFC 7517/7518), times in Unix seconds,
 * {@code api-version} accepted and ignored.
 */
package org.strongroom.keyvault.api;
