package org.strongroom.storage.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.StorageSharedKeyCredential;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.storage.domain.WrappedDataKeyFile;

/**
 * The chunk store in an Azure Blob Storage container, with the official SDK, under the same names as on disk
 * (docs/format.md, "Store layout"): {@code vaults/{vault}/data-key.properties},
 * {@code vaults/{vault}/packs/{xx}/{pack id}.pack}, {@code vaults/{vault}/points/{item}/{id}.manifest}.
 *
 * <p>A pack is staged block by block while it is written and becomes visible only when its block list is
 * committed on {@link PackWriter#seal()}: a backup cut off leaves uncommitted blocks, which the service
 * discards, never a partial pack. Manifests and the data-key file are single uploads, whole or absent. Reads
 * name their blobs (from the database and the manifests) and read their byte range; only garbage collection
 * and the recovery tool list. The SDK retries with exponential backoff (5 tries, 0.5 s to 30 s).
 */
public class AzureBlobChunkStore implements ChunkStore {

    /** Blocks of a pack as they are staged: large enough for few requests, small enough to hold in memory. */
    static final int BLOCK_SIZE = 8 * 1024 * 1024;

    private final BlobContainerClient container;

    public AzureBlobChunkStore(BlobContainerClient container) {
        this.container = container;
    }

    /** A store in {@code containerName} of the account at {@code endpoint}, signed with its shared key; the container is made when missing. */
    public static AzureBlobChunkStore connect(String endpoint, String accountName, String accountKey, String containerName) {
        BlobContainerClient container = client(endpoint, accountName, accountKey, containerName);
        if (!container.exists()) {
            container.create();
        }
        return new AzureBlobChunkStore(container);
    }

    /** The store in the existing container {@code containerName}, to read (the offline recovery tool): made nowhere. */
    public static AzureBlobChunkStore open(String endpoint, String accountName, String accountKey, String containerName) {
        BlobContainerClient container = client(endpoint, accountName, accountKey, containerName);
        boolean exists;
        try {
            exists = container.exists();
        } catch (BlobStorageException e) {
            throw new IllegalArgumentException("The account at " + endpoint + " refuses account '" + accountName + "' with this key: "
                    + e.getErrorCode(), e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Azure Blob Storage at " + endpoint + " does not answer: " + e, e));
        }
        if (!exists) {
            throw new IllegalArgumentException("The account at " + endpoint + " has no container '" + containerName + "'");
        }
        return new AzureBlobChunkStore(container);
    }

    private static BlobContainerClient client(String endpoint, String accountName, String accountKey, String containerName) {
        return new BlobContainerClientBuilder().endpoint(endpoint).containerName(containerName)
                .credential(new StorageSharedKeyCredential(accountName, accountKey))
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(4)
                        .setBaseDelay(Duration.ofMillis(500)).setMaxDelay(Duration.ofSeconds(30))))
                .buildClient();
    }

    private static String vaultPrefix(VaultName vault) {
        return "vaults/" + vault.value() + "/";
    }

    private static String packName(VaultName vault, UUID pack) {
        String id = pack.toString();
        return vaultPrefix(vault) + "packs/" + id.substring(0, 2) + "/" + id + ".pack";
    }

    private static String manifestName(VaultName vault, String item, String recoveryPointId) {
        return vaultPrefix(vault) + "points/" + item + "/" + recoveryPointId + ".manifest";
    }

    private static String dataKeyName(VaultName vault) {
        return vaultPrefix(vault) + "data-key.properties";
    }

    @Override
    public PackWriter newPack(VaultName vault) {
        UUID id = UUID.randomUUID();
        return new BlockPackWriter(id, container.getBlobClient(packName(vault, id)).getBlockBlobClient());
    }

    @Override
    public BlobReader blobs(VaultName vault) {
        return new RangeReader(vault);
    }

    @Override
    public Set<UUID> packs(VaultName vault) {
        Set<UUID> found = new HashSet<>();
        for (BlobItem blob : list(vaultPrefix(vault) + "packs/")) {
            String name = blob.getName().substring(blob.getName().lastIndexOf('/') + 1);
            if (name.endsWith(".pack")) {
                found.add(UUID.fromString(name.substring(0, name.length() - 5)));
            }
        }
        return found;
    }

    private Iterable<BlobItem> list(String prefix) {
        return container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null);
    }

    @Override
    public void deletePack(VaultName vault, UUID pack) {
        delete(packName(vault, pack));
    }

    @Override
    public void writeManifest(ItemRef item, String recoveryPointId, byte[] sealed) {
        upload(manifestName(item.vault(), item.item(), recoveryPointId), sealed);
    }

    @Override
    public byte[] readManifest(ItemRef item, String recoveryPointId) {
        String name = manifestName(item.vault(), item.item(), recoveryPointId);
        try {
            return container.getBlobClient(name).downloadContent().toBytes();
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                throw new StoreDamagedException("The manifest of recovery point " + recoveryPointId + " is missing: " + blobUrl(name));
            }
            throw new StoreDamagedException("The manifest of recovery point " + recoveryPointId + " cannot be read", e);
        }
    }

    @Override
    public List<ManifestName> manifests(VaultName vault) {
        String prefix = vaultPrefix(vault) + "points/";
        List<ManifestName> found = new ArrayList<>();
        for (BlobItem blob : list(prefix)) {
            String[] parts = blob.getName().substring(prefix.length()).split("/");
            if (parts.length == 2 && parts[1].endsWith(".manifest")) {
                found.add(new ManifestName(parts[0], parts[1].substring(0, parts[1].length() - 9)));
            }
        }
        return found;
    }

    @Override
    public void deleteManifest(VaultName vault, ManifestName manifest) {
        delete(manifestName(vault, manifest.item(), manifest.recoveryPointId()));
    }

    @Override
    public void writeDataKey(WrappedDataKeyFile file) {
        upload(dataKeyName(VaultName.of(file.vault())), file.toText().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public List<VaultName> vaults() {
        List<VaultName> found = new ArrayList<>();
        for (BlobItem blob : list("vaults/")) {
            String[] parts = blob.getName().split("/");
            if (parts.length == 3 && parts[2].equals("data-key.properties")) {
                VaultName.parse(parts[1]).ifPresent(found::add);
            }
        }
        return found.stream().sorted().toList();
    }

    @Override
    public void deleteVault(VaultName vault) {
        for (BlobItem blob : list(vaultPrefix(vault))) {
            delete(blob.getName());
        }
    }

    @Override
    public Optional<WrappedDataKeyFile> readDataKey(VaultName vault) {
        try {
            return Optional.of(WrappedDataKeyFile.parse(new String(container.getBlobClient(dataKeyName(vault)).downloadContent().toBytes(),
                    StandardCharsets.ISO_8859_1)));
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                return Optional.empty();
            }
            throw new UncheckedIOException(new IOException("Cannot read " + blobUrl(dataKeyName(vault)), e));
        }
    }

    private void upload(String name, byte[] content) {
        container.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
    }

    private void delete(String name) {
        container.getBlobClient(name).deleteIfExists();
    }

    private String blobUrl(String name) {
        return container.getBlobContainerUrl() + "/" + name;
    }

    /** Stages a block whenever {@link #BLOCK_SIZE} bytes are buffered; sealing stages the rest and commits the list. */
    private static final class BlockPackWriter implements PackWriter {

        private final UUID id;
        private final BlockBlobClient blob;
        private final List<String> blocks = new ArrayList<>();
        private byte[] buffer = new byte[BLOCK_SIZE];
        private int buffered;
        private long length;

        BlockPackWriter(UUID id, BlockBlobClient blob) {
            this.id = id;
            this.blob = blob;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public long append(byte[] content, int offset, int count) {
            long at = length;
            int done = 0;
            while (done < count) {
                int room = Math.min(buffer.length - buffered, count - done);
                System.arraycopy(content, offset + done, buffer, buffered, room);
                buffered += room;
                done += room;
                if (buffered == buffer.length) {
                    stage();
                }
            }
            length += count;
            return at;
        }

        private void stage() {
            if (buffered == 0) {
                return;
            }
            String blockId = Base64.getEncoder().encodeToString(String.format("%08d", blocks.size()).getBytes(StandardCharsets.US_ASCII));
            blob.stageBlock(blockId, new ByteArrayInputStream(buffer, 0, buffered), buffered);
            blocks.add(blockId);
            buffered = 0;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void seal() {
            stage();
            blob.commitBlockList(blocks, false);
            buffer = null;
        }

        @Override
        public void close() {
            buffer = null; // an unsealed pack's staged blocks were never committed: the service discards them
        }
    }

    /** Ranged reads of the blobs the manifests and the database name. */
    private final class RangeReader implements BlobReader {

        private final VaultName vault;

        RangeReader(VaultName vault) {
            this.vault = vault;
        }

        @Override
        public byte[] read(ChunkRef ref) {
            BlobClient pack = container.getBlobClient(packName(vault, ref.pack()));
            byte[] blob;
            try {
                blob = pack.downloadContentWithResponse(null, null, new BlobRange(ref.offset(), (long) ref.storedLength()), false,
                        null, null).getValue().toBytes();
            } catch (BlobStorageException e) {
                if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                    throw new StoreDamagedException("Pack " + ref.pack() + " of chunk " + ref.id() + " is missing: " + pack.getBlobUrl());
                }
                if (e.getStatusCode() == 416) {
                    throw new StoreDamagedException("Pack " + ref.pack() + " ends before chunk " + ref.id() + " (wanted "
                            + ref.storedLength() + " bytes at " + ref.offset() + ")");
                }
                throw new StoreDamagedException("Pack " + ref.pack() + " cannot be read", e);
            }
            if (blob.length != ref.storedLength()) {
                throw new StoreDamagedException("Pack " + ref.pack() + " ends before chunk " + ref.id() + " (wanted "
                        + ref.storedLength() + " bytes at " + ref.offset() + ", got " + blob.length + ")");
            }
            return blob;
        }

        @Override
        public void close() {
            // no connection of its own: the container client's pool serves every reader
        }
    }
}
