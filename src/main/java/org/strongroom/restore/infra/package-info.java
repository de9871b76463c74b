/**
 * Where restores write, on the real file system: {@link org.strongroom.restore.infra.FileTreeWriter}
 * writes a Files point under its target without following a link, with the recovery point's modes (never
 * setuid), leaving existing files unless told to overwrite; {@link org.strongroom.restore.infra.SealedDiskWriter}
 * writes a Disk point sealed under a fresh disk key; {@link org.strongroom.restore.infra.RestoreProgress}
 * reports bytes written to the job; {@link org.strongroom.restore.infra.RestoreJobListener} is the
 * message-driven bean of queue {@code restoreJobs}.
 *
 * <p>Depends on {@code storage.domain} (the manifest), {@code crypto} (sealing), {@code platform} and
 * {@code restore.domain}, and the listener on {@code jobs}; the writers are called by {@code restore.app} and the
 * offline tool only.
 */
package org.strongroom.restore.infra;
