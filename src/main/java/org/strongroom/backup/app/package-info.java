/**
 * Backup use cases: the request side ({@link org.strongroom.backup.app.Backups}, from REST, the JMS door
 * {@link org.strongroom.backup.app.BackupRequestHandler} and {@link org.strongroom.backup.app.BackupScheduler}),
 * the {@code Backup} job ({@link org.strongroom.backup.app.BackupJob}) with its pipeline (read → chunk → id →
 * deduplicate → encrypt → pack, {@link org.strongroom.backup.app.ChunkPipeline}) and its transactions
 * ({@link org.strongroom.backup.app.BackupSteps}), registered by {@link org.strongroom.backup.app.BackupOperations};
 * retention and garbage collection ({@link org.strongroom.backup.app.StoreMaintenance}).
 */
package org.strongroom.backup.app;
