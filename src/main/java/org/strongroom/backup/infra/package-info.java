/**
 * The backup engine's container wiring: the message-driven bean of queue {@code backupJobs} and warming
 * the chunk crypto up before the first job.
 */
package org.strongroom.backup.infra;
