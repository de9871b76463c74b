/**
 * The backup engine: reads an item's source (a file tree or a disk image), cuts it into chunks
 * (content-defined for files, fixed blocks for disks), stores each chunk the vault does not hold yet —
 * encrypted under the vault's data key — in pack files, and commits a recovery point whose manifest is
 * written last. Also scheduled backups, retention, and garbage collection of chunks no point uses.
 *
 * <p>Depends on {@code vault}, {@code protection}, {@code storage}, {@code crypto}, {@code jobs},
 * {@code platform}, {@code web} and the role names of {@code security}. Nothing imports it.
 */
package org.strongroom.backup;
