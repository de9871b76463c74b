/**
 * The activity log: an append-only, tamper-evident record of every change to vaults, key vaults,
 * keys, access policies and disk encryption sets — who did what to which resource, when, and whether it
 * succeeded. Each record carries the SHA-256 of the previous one ({@code previousHash}) and its own
 * ({@code hash}), so altering, removing or reordering a stored record is detected by
 * {@link org.strongroom.activitylog.app.ActivityQueries#verify()}.
 *
 * <p>Generic: it knows no vault, key or backup. Depends on {@code platform}, {@code crypto}, {@code web}.
 */
package org.strongroom.activitylog;
