package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ChunkSealerTest {

    private static final byte[] DATA = "the plaintext of one chunk, long enough to matter".getBytes(StandardCharsets.UTF_8);

    private static VaultDataKey keys(String vault, boolean infrastructure) {
        try (KeyMaterial vdk = KeyMaterial.wrap(new byte[32])) {
            vdk.bytes()[0] = 7;
            return VaultDataKey.of(vault, vdk, infrastructure ? KeyMaterial.wrap(new byte[32]) : null);
        }
    }

    private static byte[] seal(ChunkSealer sealer, byte[] id, byte[] data) {
        byte[] blob = new byte[sealer.blobLength(data.length)];
        int length = sealer.seal(id, data, 0, data.length, blob, 0);
        return Arrays.copyOf(blob, length);
    }

    @Test
    void sealedChunk_opensToItsPlaintext_withAndWithoutInfrastructureLayer() {
        for (boolean infrastructure : new boolean[] {false, true}) {
            ChunkSealer sealer = keys("v1", infrastructure).newSealer();
            byte[] id = sealer.chunkId(DATA, 0, DATA.length);
            byte[] blob = seal(sealer, id, DATA);
            assertEquals(sealer.blobLength(DATA.length), blob.length);
            assertArrayEquals(DATA, sealer.open(id, blob));
        }
    }

    @Test
    void chunkId_isKeyedByTheVaultDataKey() {
        byte[] id = keys("v1", false).newSealer().chunkId(DATA, 0, DATA.length);
        try (KeyMaterial other = KeyMaterial.wrap(new byte[32])) {
            byte[] otherId = VaultDataKey.of("v1", other, null).newSealer().chunkId(DATA, 0, DATA.length);
            assertFalse(Arrays.equals(id, otherId));
        }
        assertEquals(32, id.length);
    }

    @Test
    void flippedBitInChunk_fails() {
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] blob = seal(sealer, id, DATA);
        for (int position : new int[] {0, 3, ChunkSealer.HEADER + 1, blob.length / 2, blob.length - 1}) {
            byte[] tampered = blob.clone();
            tampered[position] ^= 1;
            assertThrows(IntegrityException.class, () -> sealer.open(id, tampered), "bit at " + position);
        }
    }

    @Test
    void truncatedChunk_fails() {
        ChunkSealer sealer = keys("v1", true).newSealer();
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] blob = seal(sealer, id, DATA);
        assertThrows(IntegrityException.class, () -> sealer.open(id, Arrays.copyOf(blob, blob.length - 1)));
        assertThrows(IntegrityException.class, () -> sealer.open(id, Arrays.copyOf(blob, 10)));
    }

    @Test
    void chunkSwappedWithAnotherChunk_fails() {
        ChunkSealer sealer = keys("v1", false).newSealer();
        byte[] other = "another chunk of the same vault, quite as long".getBytes(StandardCharsets.UTF_8);
        byte[] id = sealer.chunkId(DATA, 0, DATA.length);
        byte[] otherId = sealer.chunkId(other, 0, other.length);
        byte[] otherBlob = seal(sealer, otherId, other);
        assertThrows(IntegrityException.class, () -> sealer.open(id, otherBlob));
    }

    @Test
    void chunkOfAnotherVault_fails() {
        ChunkSealer mine = keys("v1", false).newSealer();
        ChunkSealer theirs = keys("v2", false).newSealer();
        byte[] id = theirs.chunkId(DATA, 0, DATA.length);
        byte[] blob = seal(theirs, id, DATA);
        assertThrows(IntegrityException.class, () -> mine.open(id, blob));
    }

    @Test
    void missingOrUnexpectedInfrastructureLayer_fails() {
        ChunkSealer plain = keys("v1", false).newSealer();
        ChunkSealer layered = keys("v1", true).newSealer();
        byte[] id = plain.chunkId(DATA, 0, DATA.length);
        assertThrows(IntegrityException.class, () -> plain.open(id, seal(layered, id, DATA)));
        assertThrows(IntegrityException.class, () -> layered.open(id, seal(plain, id, DATA)));
    }

    @Test
    void manifest_opensOnlyForItsRecoveryPoint_andDetectsEdits() {
        VaultDataKey keys = keys("v1", true);
        byte[] manifest = "manifest bytes".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = keys.sealManifest(manifest, "files1", "rp-1");
        assertArrayEquals(manifest, keys.openManifest(sealed, "files1", "rp-1"));
        assertThrows(IntegrityException.class, () -> keys.openManifest(sealed, "files1", "rp-2"));
        assertThrows(IntegrityException.class, () -> keys.openManifest(sealed, "files2", "rp-1"));
        byte[] edited = sealed.clone();
        edited[edited.length - 20] ^= 0x40;
        assertThrows(IntegrityException.class, () -> keys.openManifest(edited, "files1", "rp-1"));
    }

    @Test
    void chunkAndManifest_underAnotherDataKeyOfTheSameVault_fail() {
        try (VaultDataKey right = keys("v1", false);
             KeyMaterial otherVdk = DataKeys.generate();
             VaultDataKey wrong = VaultDataKey.of("v1", otherVdk, null)) {
            ChunkSealer sealer = right.newSealer();
            byte[] id = sealer.chunkId(DATA, 0, DATA.length);
            byte[] blob = seal(sealer, id, DATA);
            assertThrows(IntegrityException.class, () -> wrong.newSealer().open(id, blob));
            byte[] manifest = right.sealManifest(DATA, "item", "point");
            assertThrows(IntegrityException.class, () -> wrong.openManifest(manifest, "item", "point"));
        }
    }
}
