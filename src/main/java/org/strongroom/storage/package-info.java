/**
 * The chunk store: where a vault's encrypted backups live — pack files of chunk blobs, one encrypted
 * manifest per recovery point, and the vault's wrapped data key — and the formats of those files, which
 * the offline recovery tool reads without the server. Behind the {@link org.strongroom.storage.domain.ChunkStore}
 * port; the default keeps everything under the server's data directory. Also the index of which chunks a
 * vault already holds (for deduplication) and which packs recovery points use (for garbage collection).
 *
 * <p>Depends on {@code crypto} and {@code platform}. Knows no vault, item or job entity.
 */
package org.strongroom.storage;
