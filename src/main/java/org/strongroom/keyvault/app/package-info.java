/**
 * Use cases of the built-in key vault: administration (management plane), key operations (data plane),
 * access checks, the purge of expired deleted keys, and {@link org.strongroom.keyvault.app.BuiltInKeyVaultClient},
 * the in-process implementation of the {@link org.strongroom.keyvault.KeyVaultClient} port.
 * Every change is written to the activity log.
 */
package org.strongroom.keyvault.app;
