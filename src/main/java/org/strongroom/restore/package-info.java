/**
 * Reading recovery points back: {@code Verify} (decrypt and authenticate every chunk, write nothing) and
 * restores. Both read through {@link org.strongroom.storage.app.RecoveryPointReader}.
 *
 * <p>Depends on {@code vault}, {@code protection}, {@code storage}, {@code crypto}, {@code jobs},
 * {@code platform}, {@code web} and the role names of {@code security}. Nothing imports it.
 */
package org.strongroom.restore;
