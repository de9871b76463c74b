package org.strongroom.storage.infra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkId;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.support.Names;

/**
 * What a chunk store in an object store must do, whatever the service (each subclass starts its emulator, and is
 * skipped where it is not installed): packs that span several parts read back at any offset, a small pack sent
 * whole, a pack left unsealed never seen, manifests and the data-key file by name, and a vault's objects gone
 * with it.
 */
abstract class ObjectChunkStoreContract {

    /** The store under test, in a container or bucket of its own. */
    abstract ChunkStore store();

    private static ChunkRef ref(UUID pack, long offset, int length) {
        return new ChunkRef(new ChunkId(new byte[32]), pack, offset, length, length);
    }

    @Test
    void packOfSeveralBlocks_readsBackAtAnyOffset_onceSealed() {
        VaultName vault = VaultName.of(Names.unique("v-"));
        byte[] first = new byte[ObjectChunkStore.PART_SIZE - 5];
        byte[] second = new byte[ObjectChunkStore.PART_SIZE + 123];
        new Random(7).nextBytes(first);
        new Random(8).nextBytes(second);
        UUID id;
        try (PackWriter pack = store().newPack(vault)) {
            id = pack.id();
            assertEquals(0, pack.append(first, 0, first.length));
            assertEquals(first.length, pack.append(second, 0, second.length));
            assertTrue(store().packs(vault).isEmpty(), "a pack is not visible before it is sealed");
            pack.seal();
        }
        assertEquals(Set.of(id), store().packs(vault));
        try (BlobReader blobs = store().blobs(vault)) {
            assertArrayEquals(first, blobs.read(ref(id, 0, first.length)));
            assertArrayEquals(second, blobs.read(ref(id, first.length, second.length)));
            assertThrows(StoreDamagedException.class, () -> blobs.read(ref(id, first.length + second.length - 10, 20)));
            assertThrows(StoreDamagedException.class, () -> blobs.read(ref(UUID.randomUUID(), 0, 10)));
        }
    }

    @Test
    void manySmallChunks_readByThreadsAtOnce_comeBackWhole() {
        VaultName vault = VaultName.of(Names.unique("v-"));
        Random random = new Random(10);
        List<byte[]> blobs = new ArrayList<>();
        List<ChunkRef> refs = new ArrayList<>();
        try (PackWriter pack = store().newPack(vault)) {
            for (int i = 0; i < 600; i++) {
                byte[] blob = new byte[1 + random.nextInt(40_000)];
                random.nextBytes(blob);
                blobs.add(blob);
                refs.add(ref(pack.id(), pack.append(blob, 0, blob.length), blob.length));
            }
            pack.seal();
        }
        try (BlobReader reader = store().blobs(vault)) {
            IntStream.range(0, blobs.size()).parallel().forEach(i -> assertArrayEquals(blobs.get(i), reader.read(refs.get(i)), "chunk " + i));
        }
    }

    @Test
    void packOfLessThanAPart_isSentWhole_andReadsBack() {
        VaultName vault = VaultName.of(Names.unique("v-"));
        byte[] blob = new byte[1000];
        new Random(9).nextBytes(blob);
        UUID id;
        try (PackWriter pack = store().newPack(vault)) {
            id = pack.id();
            pack.append(blob, 0, blob.length);
            pack.seal();
        }
        try (BlobReader blobs = store().blobs(vault)) {
            assertArrayEquals(blob, blobs.read(ref(id, 0, blob.length)));
        }
        store().deletePack(vault, id);
        assertTrue(store().packs(vault).isEmpty());
    }

    @Test
    void unsealedPack_isNeverSeen() {
        VaultName vault = VaultName.of(Names.unique("v-"));
        try (PackWriter pack = store().newPack(vault)) {
            byte[] content = new byte[ObjectChunkStore.PART_SIZE + 1];
            pack.append(content, 0, content.length);
        }
        assertTrue(store().packs(vault).isEmpty());
    }

    @Test
    void manifestsAndDataKeyFile_byName_andTheVaultGoesWhole() {
        VaultName vault = VaultName.of(Names.unique("v-"));
        ItemRef item = new ItemRef(vault, "files1");
        store().writeManifest(item, "p1", new byte[] {1, 2, 3});
        store().writeManifest(item, "p2", new byte[] {4});
        assertArrayEquals(new byte[] {1, 2, 3}, store().readManifest(item, "p1"));
        assertEquals(List.of("p1", "p2"), store().manifests(vault).stream().map(ChunkStore.ManifestName::recoveryPointId).sorted().toList());
        assertThrows(StoreDamagedException.class, () -> store().readManifest(item, "p3"));
        assertTrue(store().readDataKey(vault).isEmpty());

        store().deleteManifest(vault, new ChunkStore.ManifestName("files1", "p1"));
        assertEquals(1, store().manifests(vault).size());
        store().deleteVault(vault);
        assertTrue(store().manifests(vault).isEmpty());
    }
}
