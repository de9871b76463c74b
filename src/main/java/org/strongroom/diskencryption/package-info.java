/**
 * Disk encryption sets (API.md): a named key-vault key with a managed identity of its own, which seals
 * restored disks (SPEC 15). Depends on {@code keyvault} (its port), {@code activitylog}, {@code crypto},
 * {@code platform}, {@code web}, {@code security}.
 */
package org.strongroom.diskencryption;
