/**
 * Backup use cases: requesting a backup, the {@code Backup} job and its pipeline (read → chunk → id →
 * deduplicate → encrypt → pack), committing a recovery point, scheduling, retention and garbage collection.
 */
package org.strongroom.backup.app;
