/**
 * Recovery Services vaults: they hold protected items and their recovery points, have a region, a
 * subscription and a resource group, and (in later steps) an identity and their encryption settings.
 *
 * <p>May depend on {@code keyvault} (through its client port), {@code storage}, {@code jobs},
 * {@code activitylog}, {@code platform} and {@code web}.
 */
package org.strongroom.vault;
