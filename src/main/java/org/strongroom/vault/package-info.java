/**
 * Recovery Services vaults: they hold protected items and their recovery points, have a region, a
 * subscription, a resource group and a tenant, a system-assigned identity, and their encryption — the
 * vault data key, wrapped by the platform key or by a customer-managed key-encryption key, and the
 * assignment of that key as a job (SPEC 1-13, 18, 19: {@link org.strongroom.vault.domain.Vault},
 * {@link org.strongroom.keyvault.KeyRequirements}, {@link org.strongroom.vault.app.KeyAssignmentJob}).
 *
 * <p>May depend on {@code keyvault} (through its client port), {@code storage}, {@code jobs},
 * {@code activitylog}, {@code crypto}, {@code platform}, {@code web} and the role names of
 * {@code security}.
 */
package org.strongroom.vault;
