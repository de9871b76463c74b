package org.strongroom.storage.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.storage.domain.WrappedDataKeyFile;

/**
 * The chunk store in a directory (docs/format.md, "Store layout"):
 * <pre>
 *   {root}/vaults/{vault}/data-key.properties
 *   {root}/vaults/{vault}/packs/{first two characters of the pack id}/{pack id}.pack
 *   {root}/vaults/{vault}/points/{item}/{recovery point id}.manifest
 * </pre>
 * Every file is written under a temporary name, forced to disk, and renamed into place (its directory
 * forced too), so a crash leaves no torn file under a final name.
 *
 * <p>Longer than 300 lines on purpose: every file of the chunk store — packs (written and read), manifests,
 * the data-key file — with the same atomic-write and fsync discipline in one place.
 */
public class FileSystemChunkStore implements ChunkStore {

    private static final Logger LOG = Logger.getLogger(FileSystemChunkStore.class.getName());
    /** Whether the next pack is the first this server writes: it says how packs are written. */
    private static final AtomicBoolean FIRST_PACK = new AtomicBoolean(true);


    private static final String TEMPORARY = ".tmp-";

    private final Path root;

    public FileSystemChunkStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    private Path vaultDir(VaultName vault) {
        return root.resolve("vaults").resolve(vault.value());
    }

    Path packPath(VaultName vault, UUID pack) {
        String name = pack.toString();
        return vaultDir(vault).resolve("packs").resolve(name.substring(0, 2)).resolve(name + ".pack");
    }

    private Path manifestPath(VaultName vault, String item, String recoveryPointId) {
        return vaultDir(vault).resolve("points").resolve(item).resolve(recoveryPointId + ".manifest");
    }

    private Path manifestPath(ItemRef item, String recoveryPointId) {
        return manifestPath(item.vault(), item.item(), recoveryPointId);
    }

    @Override
    public PackWriter newPack(VaultName vault) {
        UUID id = UUID.randomUUID();
        Path target = packPath(vault, id);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(TEMPORARY + target.getFileName());
            DirectWriter out = DirectWriter.create(temporary);
            if (FIRST_PACK.compareAndSet(true, false)) {
                LOG.info("Packs are written " + (out.direct() ? "with O_DIRECT, past the page cache" : "through the page cache "
                        + "(the file system of " + root + " refuses O_DIRECT)"));
            }
            return new FilePackWriter(id, out, temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a pack in " + target.getParent(), e);
        }
    }

    @Override
    public BlobReader blobs(VaultName vault) {
        return new FileBlobReader(vault);
    }

    @Override
    public Set<UUID> packs(VaultName vault) {
        Path packs = vaultDir(vault).resolve("packs");
        Set<UUID> found = new HashSet<>();
        if (!Files.isDirectory(packs)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(packs, 2)) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".pack") && !name.startsWith(TEMPORARY))
                    .forEach(name -> found.add(UUID.fromString(name.substring(0, name.length() - 5))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public void deletePack(VaultName vault, UUID pack) {
        delete(packPath(vault, pack));
    }

    @Override
    public void writeManifest(ItemRef item, String recoveryPointId, byte[] sealed) {
        writeAtomically(manifestPath(item, recoveryPointId), sealed);
    }

    @Override
    public byte[] readManifest(ItemRef item, String recoveryPointId) {
        Path path = manifestPath(item, recoveryPointId);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new StoreDamagedException("The manifest of recovery point " + recoveryPointId + " is missing: " + path);
        } catch (IOException e) {
            throw new StoreDamagedException("The manifest of recovery point " + recoveryPointId + " cannot be read", e);
        }
    }

    @Override
    public List<ManifestName> manifests(VaultName vault) {
        Path points = vaultDir(vault).resolve("points");
        List<ManifestName> found = new ArrayList<>();
        if (!Files.isDirectory(points)) {
            return found;
        }
        try (DirectoryStream<Path> items = Files.newDirectoryStream(points)) {
            for (Path item : items) {
                try (DirectoryStream<Path> manifests = Files.newDirectoryStream(item, "*.manifest")) {
                    for (Path manifest : manifests) {
                        String name = manifest.getFileName().toString();
                        if (name.startsWith(TEMPORARY)) {
                            continue; // cut off by a crash: never a recovery point
                        }
                        found.add(new ManifestName(item.getFileName().toString(), name.substring(0, name.length() - 9)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public void deleteManifest(VaultName vault, ManifestName manifest) {
        delete(manifestPath(vault, manifest.item(), manifest.recoveryPointId()));
    }

    @Override
    public void writeDataKey(WrappedDataKeyFile file) {
        writeAtomically(vaultDir(VaultName.of(file.vault())).resolve("data-key.properties"), file.toText().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public List<VaultName> vaults() {
        Path vaults = root.resolve("vaults");
        if (!Files.isDirectory(vaults)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(vaults)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("data-key.properties")))
                    .map(dir -> dir.getFileName().toString()).flatMap(name -> VaultName.parse(name).stream())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<WrappedDataKeyFile> readDataKey(VaultName vault) {
        Path path = vaultDir(vault).resolve("data-key.properties");
        try {
            return Optional.of(WrappedDataKeyFile.parse(Files.readString(path, StandardCharsets.ISO_8859_1)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(TEMPORARY + UUID.randomUUID() + "-" + target.getFileName());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot force a directory; the file itself is durable
        }
    }

    @Override
    public void deleteVault(VaultName vault) {
        Path dir = vaultDir(vault);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // deepest first; the data-key file goes with the rest: nothing is left to open
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(FileSystemChunkStore::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the store of vault " + vault + ": " + dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    /** Appends to a temporary file; sealing forces it to disk and renames it. */
    /** A pack written past the page cache ({@link DirectWriter}): a backup does not read its packs back. */
    private static final class FilePackWriter implements PackWriter {

        private final UUID id;
        private final DirectWriter out;
        private final Path temporary;
        private final Path target;
        private boolean sealed;

        FilePackWriter(UUID id, DirectWriter out, Path temporary, Path target) {
            this.id = id;
            this.out = out;
            this.temporary = temporary;
            this.target = target;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public long append(byte[] blob, int offset, int count) {
            long at = out.length();
            try {
                out.write(blob, offset, count);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write pack " + temporary, e);
            }
            return at;
        }

        @Override
        public long length() {
            return out.length();
        }

        @Override
        public void seal() {
            try {
                out.finish(true);
                moveIntoPlace(temporary, target);
                sealed = true;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot seal pack " + target, e);
            }
        }

        @Override
        public void close() {
            if (sealed) {
                return;
            }
            try {
                out.close();
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove unsealed pack " + temporary, e);
            }
        }
    }

    /**
     * Positional reads, with the last few packs kept open. Threads read in parallel: only finding or opening
     * a pack's channel is under the lock. A channel closed under a reader (another thread evicted its pack)
     * is opened again.
     */
    private final class FileBlobReader implements BlobReader {

        private static final int OPEN_PACKS = 16;

        private final VaultName vault;
        private final Map<UUID, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, FileChannel> eldest) {
                if (size() > OPEN_PACKS) {
                    closeQuietly(eldest.getValue());
                    return true;
                }
                return false;
            }
        };

        FileBlobReader(VaultName vault) {
            this.vault = vault;
        }

        @Override
        public byte[] read(ChunkRef ref) {
            Path path = packPath(vault, ref.pack());
            try {
                for (int attempt = 1; ; attempt++) {
                    FileChannel channel = channel(ref.pack(), path);
                    try {
                        return readFully(channel, ref);
                    } catch (ClosedChannelException closed) {
                        if (closed instanceof ClosedByInterruptException || attempt == 3) {
                            throw closed;
                        }
                        forget(ref.pack(), channel);
                    }
                }
            } catch (NoSuchFileException e) {
                throw new StoreDamagedException("Pack " + ref.pack() + " of chunk " + ref.id() + " is missing: " + path);
            } catch (IOException e) {
                throw new StoreDamagedException("Pack " + ref.pack() + " cannot be read", e);
            }
        }

        private synchronized FileChannel channel(UUID pack, Path path) throws IOException {
            FileChannel channel = open.get(pack);
            if (channel == null || !channel.isOpen()) {
                channel = FileChannel.open(path, StandardOpenOption.READ);
                open.put(pack, channel);
            }
            return channel;
        }

        private synchronized void forget(UUID pack, FileChannel closed) {
            open.remove(pack, closed);
        }

        private static byte[] readFully(FileChannel channel, ChunkRef ref) throws IOException {
            ByteBuffer blob = ByteBuffer.allocate(ref.storedLength());
            long position = ref.offset();
            while (blob.hasRemaining()) {
                int read = channel.read(blob, position);
                if (read < 0) {
                    throw new StoreDamagedException("Pack " + ref.pack() + " ends before chunk " + ref.id()
                            + " (wanted " + ref.storedLength() + " bytes at " + ref.offset() + ")");
                }
                position += read;
            }
            return blob.array();
        }

        @Override
        public synchronized void close() {
            open.values().forEach(FileSystemChunkStore::closeQuietly);
            open.clear();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a read-only channel has nothing to lose
        }
    }
}
