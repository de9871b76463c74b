package org.strongroom.storage.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * <p>A pack is sent in parts of {@link #PART_SIZE} while it is written (in the background) and becomes visible
 * only when the upload completes on {@link PackWriter#seal()} (a pack of one part is a single upload): a backup
 * cut off leaves no partial pack. Manifests and the data-key file are single uploads, whole or absent. Reads name
 * their objects (from the database and the manifests) and fetch byte ranges of them; only garbage collection,
 * vault deletion and the recovery tool list.
 */
public final class ObjectChunkStore implements ChunkStore {

    /** Parts of a pack as they are sent: large enough for few requests (S3 wants 5 MiB at least), small enough to hold in memory. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    /** Parts of one pack on their way at once: the next part fills while they travel. */
    static final int PARTS_IN_FLIGHT = 2;
    /** How much of a pack one read request fetches. */
    static final int READ_WINDOW = 4 * 1024 * 1024;
    /** Windows a reader keeps: enough for its threads reading neighbouring chunks. */
    static final int WINDOWS_KEPT = 8;

    private final ObjectStore objects;
    private final ExecutorService uploads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "strongroom-object-upload");
        thread.setDaemon(true);
        return thread;
    });

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

    /**
     * Sends a part whenever {@link #PART_SIZE} bytes are buffered — in the background, at most
     * {@link #PARTS_IN_FLIGHT} at a time, so that the backup goes on sealing chunks while a part travels;
     * sealing sends the rest, waits for every part and completes the upload.
     */
    private final class PartsPackWriter implements PackWriter {

        private final UUID id;
        private final String name;
        private final Deque<Sent> sending = new ArrayDeque<>();
        private final Deque<byte[]> spare = new ArrayDeque<>();
        private ObjectStore.Upload upload;
        private byte[] buffer = new byte[PART_SIZE];
        private int buffered;
        private int parts;
        private long length;

        /** A part on its way, and the buffer it lies in (used again once it arrived). */
        private record Sent(Future<?> arrival, byte[] buffer) {
        }

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
            while (sending.size() >= PARTS_IN_FLIGHT) {
                awaitOldest();
            }
            ObjectStore.Upload to = upload;
            byte[] part = buffer;
            int partLength = buffered;
            int number = ++parts;
            sending.add(new Sent(uploads.submit(() -> to.part(number, part, partLength)), part));
            buffer = spare.isEmpty() ? new byte[PART_SIZE] : spare.pop();
            buffered = 0;
        }

        private void awaitOldest() {
            Sent oldest = sending.poll();
            try {
                oldest.arrival().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a part of pack " + id + " was sent", e);
            }
            spare.push(oldest.buffer());
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
                while (!sending.isEmpty()) {
                    awaitOldest();
                }
                upload.complete();
                upload = null;
            }
            buffer = null;
            spare.clear();
        }

        @Override
        public void close() {
            buffer = null;
            spare.clear();
            if (upload != null) {
                try {
                    while (!sending.isEmpty()) {
                        awaitOldest();
                    }
                } catch (RuntimeException e) {
                    // the part is lost anyway: the upload is given up below
                }
                try {
                    upload.abort();
                } catch (RuntimeException e) {
                    // the store is out of reach: the parts stay unseen, for the service to discard
                }
                upload = null;
            }
        }
    }

    /**
     * Reads of the packs the manifests and the database name, by windows of {@link #READ_WINDOW} bytes: a restore or
     * a verification reads a pack's chunks in order, so one request serves many chunks (a few hundred small files'
     * chunks, or a few large ones). The last windows read are kept, for every thread of the reader; a window being
     * fetched is waited for, not fetched twice.
     */
    private final class RangeReader implements BlobReader {

        private final VaultName vault;
        private final Map<String, CompletableFuture<Optional<byte[]>>> windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<byte[]>>> eldest) {
                return size() > WINDOWS_KEPT;
            }
        };

        RangeReader(VaultName vault) {
            this.vault = vault;
        }

        @Override
        public byte[] read(ChunkRef ref) {
            String name = packName(vault, ref.pack());
            byte[] blob = new byte[ref.storedLength()];
            long start = ref.offset();
            long end = ref.offset() + ref.storedLength();
            int filled = 0;
            for (long w = start / READ_WINDOW; w <= (end - 1) / READ_WINDOW; w++) {
                byte[] window = window(name, w).orElseThrow(() -> new StoreDamagedException("Pack " + ref.pack() + " of chunk " + ref.id()
                        + " is missing: " + objects.url(name)));
                long windowStart = w * READ_WINDOW;
                long from = Math.max(start, windowStart);
                long to = Math.min(end, windowStart + window.length);
                if (to <= from) {
                    break;
                }
                System.arraycopy(window, (int) (from - windowStart), blob, (int) (from - start), (int) (to - from));
                filled += (int) (to - from);
                if (window.length < READ_WINDOW) {
                    break; // the pack ends in this window
                }
            }
            if (filled != ref.storedLength()) {
                throw new StoreDamagedException("Pack " + ref.pack() + " ends before chunk " + ref.id() + " (wanted "
                        + ref.storedLength() + " bytes at " + ref.offset() + ", got " + filled + ")");
            }
            return blob;
        }

        /** Window {@code index} of the object {@code name}: its bytes (fewer at the object's end), empty when there is no such object. */
        private Optional<byte[]> window(String name, long index) {
            String key = name + "#" + index;
            CompletableFuture<Optional<byte[]>> window;
            boolean mine = false;
            synchronized (windows) {
                window = windows.get(key);
                if (window == null) {
                    window = new CompletableFuture<>();
                    windows.put(key, window);
                    mine = true;
                }
            }
            if (mine) {
                try {
                    window.complete(objects.get(name, index * READ_WINDOW, READ_WINDOW));
                } catch (RuntimeException e) {
                    synchronized (windows) {
                        windows.remove(key);
                    }
                    window.completeExceptionally(e);
                    throw new StoreDamagedException("Pack " + name + " cannot be read", e);
                }
            }
            try {
                return window.join();
            } catch (CompletionException e) {
                throw new StoreDamagedException("Pack " + name + " cannot be read", e.getCause());
            }
        }

        @Override
        public void close() {
            synchronized (windows) {
                windows.clear();
            }
        }
    }
}
