package org.strongroom.storage.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.storage.domain.WrappedDataKeyFile;

/**
 * The chunk store in an object store's container or bucket, under the same names as on disk (docs/format.md,
 * "Store layout"): {@code vaults/{vault}/data-key.properties}, {@code vaults/{vault}/packs/{xx}/{pack id}.pack},
 * {@code vaults/{vault}/points/{item}/{id}.manifest}.
 *
 * <p>A pack is sent in parts of {@link #PART_SIZE} while it is written and becomes visible only when the upload
 * completes on {@link PackWriter#seal()} (a pack of one part is a single upload): a backup cut off leaves no
 * partial pack. Manifests and the data-key file are single uploads, whole or absent. Reads name their objects
 * (from the database and the manifests) and read their byte range; only garbage collection, vault deletion and
 * the recovery tool list.
 */
public final class ObjectChunkStore implements ChunkStore {

    /** Parts of a pack as they are sent: large enough for few requests (S3 wants 5 MiB at least), small enough to hold in memory. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final ObjectStore objects;

    ObjectChunkStore(ObjectStore objects) {
        this.objects = objects;
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
        return new PartsPackWriter(id, packName(vault, id));
    }

    @Override
    public BlobReader blobs(VaultName vault) {
        return new RangeReader(vault);
    }

    @Override
    public Set<UUID> packs(VaultName vault) {
        Set<UUID> found = new HashSet<>();
        for (String name : objects.list(vaultPrefix(vault) + "packs/")) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (file.endsWith(".pack")) {
                found.add(UUID.fromString(file.substring(0, file.length() - 5)));
            }
        }
        return found;
    }

    @Override
    public void deletePack(VaultName vault, UUID pack) {
        objects.delete(packName(vault, pack));
    }

    @Override
    public void writeManifest(ItemRef item, String recoveryPointId, byte[] sealed) {
        objects.put(manifestName(item.vault(), item.item(), recoveryPointId), sealed);
    }

    @Override
    public byte[] readManifest(ItemRef item, String recoveryPointId) {
        String name = manifestName(item.vault(), item.item(), recoveryPointId);
        Optional<byte[]> manifest;
        try {
            manifest = objects.get(name);
        } catch (RuntimeException e) {
            throw new StoreDamagedException("The manifest of recovery point " + recoveryPointId + " cannot be read", e);
        }
        return manifest.orElseThrow(() -> new StoreDamagedException("The manifest of recovery point " + recoveryPointId
                + " is missing: " + objects.url(name)));
    }

    @Override
    public List<ManifestName> manifests(VaultName vault) {
        String prefix = vaultPrefix(vault) + "points/";
        List<ManifestName> found = new ArrayList<>();
        for (String name : objects.list(prefix)) {
            String[] parts = name.substring(prefix.length()).split("/");
            if (parts.length == 2 && parts[1].endsWith(".manifest")) {
                found.add(new ManifestName(parts[0], parts[1].substring(0, parts[1].length() - 9)));
            }
        }
        return found;
    }

    @Override
    public void deleteManifest(VaultName vault, ManifestName manifest) {
        objects.delete(manifestName(vault, manifest.item(), manifest.recoveryPointId()));
    }

    @Override
    public void writeDataKey(WrappedDataKeyFile file) {
        objects.put(dataKeyName(VaultName.of(file.vault())), file.toText().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public List<VaultName> vaults() {
        List<VaultName> found = new ArrayList<>();
        for (String name : objects.list("vaults/")) {
            String[] parts = name.split("/");
            if (parts.length == 3 && parts[2].equals("data-key.properties")) {
                VaultName.parse(parts[1]).ifPresent(found::add);
            }
        }
        return found.stream().sorted().toList();
    }

    @Override
    public void deleteVault(VaultName vault) {
        for (String name : objects.list(vaultPrefix(vault))) {
            objects.delete(name);
        }
    }

    @Override
    public Optional<WrappedDataKeyFile> readDataKey(VaultName vault) {
        return objects.get(dataKeyName(vault)).map(text -> WrappedDataKeyFile.parse(new String(text, StandardCharsets.ISO_8859_1)));
    }

    /** Sends a part whenever {@link #PART_SIZE} bytes are buffered; sealing sends the rest and completes the upload. */
    private final class PartsPackWriter implements PackWriter {

        private final UUID id;
        private final String name;
        private ObjectStore.Upload upload;
        private byte[] buffer = new byte[PART_SIZE];
        private int buffered;
        private long length;

        PartsPackWriter(UUID id, String name) {
            this.id = id;
            this.name = name;
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
                    sendPart();
                }
            }
            length += count;
            return at;
        }

        private void sendPart() {
            if (upload == null) {
                upload = objects.upload(name);
            }
            upload.part(buffer, buffered);
            buffered = 0;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void seal() {
            if (upload == null) {
                objects.put(name, Arrays.copyOf(buffer, buffered));
            } else {
                if (buffered > 0) {
                    sendPart();
                }
                upload.complete();
                upload = null;
            }
            buffer = null;
        }

        @Override
        public void close() {
            buffer = null;
            if (upload != null) {
                try {
                    upload.abort();
                } catch (RuntimeException e) {
                    // the store is out of reach: the parts stay unseen, for the service to discard
                }
                upload = null;
            }
        }
    }

    /** Ranged reads of the packs the manifests and the database name. */
    private final class RangeReader implements BlobReader {

        private final VaultName vault;

        RangeReader(VaultName vault) {
            this.vault = vault;
        }

        @Override
        public byte[] read(ChunkRef ref) {
            String name = packName(vault, ref.pack());
            Optional<byte[]> blob;
            try {
                blob = objects.get(name, ref.offset(), ref.storedLength());
            } catch (RuntimeException e) {
                throw new StoreDamagedException("Pack " + ref.pack() + " cannot be read", e);
            }
            if (blob.isEmpty()) {
                throw new StoreDamagedException("Pack " + ref.pack() + " of chunk " + ref.id() + " is missing: " + objects.url(name));
            }
            if (blob.get().length != ref.storedLength()) {
                throw new StoreDamagedException("Pack " + ref.pack() + " ends before chunk " + ref.id() + " (wanted "
                        + ref.storedLength() + " bytes at " + ref.offset() + ", got " + blob.get().length + ")");
            }
            return blob.get();
        }

        @Override
        public void close() {
            // no connection of its own: the client's pool serves every reader
        }
    }
}
