package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Sealed disks: images (whole, partial or empty blocks) open to themselves; flipped, swapped or extra bytes, an
 * edited header or another key fail.
 */
class SealedDiskTest {

    private static final int BLOCK = 4096;

    private static byte[] image(int size) {
        byte[] image = new byte[size];
        new Random(size).nextBytes(image);
        return image;
    }

    private static byte[] seal(byte[] image, KeyMaterial key, String keyId) throws IOException {
        SealedDisk.Header header = new SealedDisk.Header(SealedDisk.Wrapping.KEY_VAULT, keyId, new byte[] {1, 2, 3},
                image.length, BLOCK, SealedDisk.Header.newFileId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SealedDisk.Writer writer = new SealedDisk.Writer(out, header, key);
        for (int offset = 0; offset < image.length; offset += BLOCK) {
            int length = Math.min(BLOCK, image.length - offset);
            byte[] block = new byte[length];
            System.arraycopy(image, offset, block, 0, length);
            writer.write(block, length);
        }
        writer.finish();
        return out.toByteArray();
    }

    private static byte[] open(byte[] sealed, KeyMaterial key) throws IOException {
        InputStream in = new ByteArrayInputStream(sealed);
        SealedDisk.Header header = SealedDisk.Header.read(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SealedDisk.open(in, header, key, out);
        return out.toByteArray();
    }

    private static int headerLength(byte[] sealed) throws IOException {
        return SealedDisk.Header.read(new ByteArrayInputStream(sealed)).encode().length;
    }

    @Test
    void sealedDisk_opensToTheImage_includingAShortLastBlock() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] image = image(3 * BLOCK + 100);
        byte[] sealed = seal(image, key, "https://kv/keys/des/1");
        assertArrayEquals(image, open(sealed, key));
        SealedDisk.Header header = SealedDisk.Header.read(new ByteArrayInputStream(sealed));
        assertEquals("https://kv/keys/des/1", header.keyId());
        assertEquals(image.length, header.size());
    }

    @Test
    void flippedBitInABlock_fails() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] sealed = seal(image(2 * BLOCK), key, "k");
        sealed[sealed.length - 100] ^= 1;
        assertThrows(IntegrityException.class, () -> open(sealed, key));
    }

    @Test
    void blocksSwapped_fail() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] sealed = seal(image(2 * BLOCK), key, "k");
        int start = headerLength(sealed);
        int sealedBlock = SealedDisk.NONCE + BLOCK + SealedDisk.TAG;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, start, swapped, start + sealedBlock, sealedBlock);
        System.arraycopy(sealed, start + sealedBlock, swapped, start, sealedBlock);
        assertThrows(IntegrityException.class, () -> open(swapped, key));
    }

    @Test
    void editedHeader_fails() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] sealed = seal(image(BLOCK), key, "key-a");
        byte[] edited = sealed.clone();
        edited[9] = 'b';
        assertThrows(IntegrityException.class, () -> open(edited, key));
    }

    @Test
    void truncatedOrWrongKey_fails() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] sealed = seal(image(2 * BLOCK), key, "k");
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThrows(IntegrityException.class, () -> open(truncated, key));
        assertThrows(IntegrityException.class, () -> open(sealed, DataKeys.generate()));
        assertThrows(IntegrityException.class, () -> open(new byte[] {'S', 'R', 'M', 'F', 1}, key));
    }

    @Test
    void trailingBytesAfterTheLastBlock_fail() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] sealed = seal(image(BLOCK + 10), key, "k");
        byte[] longer = java.util.Arrays.copyOf(sealed, sealed.length + 1);
        IntegrityException refused = assertThrows(IntegrityException.class, () -> open(longer, key));
        assertEquals("Bytes after the last block of the sealed disk", refused.getMessage());
    }

    @Test
    void imageOfWholeBlocks_andAnEmptyImage_openToThemselves() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] whole = image(2 * BLOCK);
        assertArrayEquals(whole, open(seal(whole, key, "k"), key));
        assertArrayEquals(new byte[0], open(seal(new byte[0], key, "k"), key));
    }

    @Test
    void headerGeometry_isCheckedOnRead() throws IOException {
        byte[] fileId = SealedDisk.Header.newFileId();
        assertFalse(java.util.Arrays.equals(fileId, SealedDisk.Header.newFileId()), "file ids are random");
        int max = 64 * 1024 * 1024;
        for (int blockSize : new int[] {1, max}) {
            SealedDisk.Header header = new SealedDisk.Header(SealedDisk.Wrapping.PLATFORM, "k", new byte[] {1}, 0, blockSize, fileId);
            assertEquals(blockSize, SealedDisk.Header.read(new ByteArrayInputStream(header.encode())).blockSize());
        }
        for (long[] geometry : new long[][] {{-1, BLOCK}, {10, 0}, {10, max + 1L}}) {
            byte[] encoded = new SealedDisk.Header(SealedDisk.Wrapping.PLATFORM, "k", new byte[] {1}, geometry[0],
                    (int) geometry[1], fileId).encode();
            assertThrows(IntegrityException.class, () -> SealedDisk.Header.read(new ByteArrayInputStream(encoded)),
                    java.util.Arrays.toString(geometry));
        }
        assertEquals("sealed-disk/" + java.util.HexFormat.of().formatHex(fileId), SealedDisk.Header.platformContext(fileId));
    }

    @Test
    void wrappedAnew_intoTheOtherSlot_theBlocksOpenUnchanged_andTheNewWrappingIsInForce() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] image = image(2 * BLOCK + 7);
        byte[] sealed = seal(image, key, "https://kv/keys/old/1");
        SealedDisk.Header first = SealedDisk.Header.read(new ByteArrayInputStream(sealed));
        assertEquals(0, first.slot());
        SealedDisk.Header next = first.rewrapped(SealedDisk.Wrapping.PLATFORM, "platform-1", new byte[] {7, 7});
        assertEquals(1, next.slot());
        assertEquals(2, next.generation());

        byte[] written = sealed.clone();
        System.arraycopy(next.slotBytes(), 0, written, next.slotOffset(), SealedDisk.SLOT);
        SealedDisk.Header bothIntact = SealedDisk.Header.read(new ByteArrayInputStream(written));
        assertEquals("platform-1", bothIntact.keyId(), "the higher generation is in force, even before the old slot is wiped");
        java.util.Arrays.fill(written, first.slotOffset(), first.slotOffset() + SealedDisk.SLOT, (byte) 0);
        assertArrayEquals(image, open(written, key));
        assertArrayEquals(java.util.Arrays.copyOfRange(sealed, SealedDisk.HEADER_2, sealed.length),
                java.util.Arrays.copyOfRange(written, SealedDisk.HEADER_2, written.length), "no block was touched");
        assertFalse(new String(written, java.nio.charset.StandardCharsets.ISO_8859_1).contains("keys/old"), "the old wrapping is gone");
    }

    @Test
    void newSlotTornByACrash_leavesTheOldOneInForce() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] sealed = seal(image(BLOCK), key, "old-kid");
        SealedDisk.Header first = SealedDisk.Header.read(new ByteArrayInputStream(sealed));
        SealedDisk.Header next = first.rewrapped(SealedDisk.Wrapping.KEY_VAULT, "new-kid", new byte[] {1});
        byte[] torn = sealed.clone();
        System.arraycopy(next.slotBytes(), 0, torn, next.slotOffset(), SealedDisk.SLOT / 2);
        assertEquals("old-kid", SealedDisk.Header.read(new ByteArrayInputStream(torn)).keyId());
        byte[] noSlot = sealed.clone();
        noSlot[first.slotOffset() + 20] ^= 1;
        assertThrows(IntegrityException.class, () -> SealedDisk.Header.read(new ByteArrayInputStream(noSlot)));
    }

    @Test
    void formatOneDisk_cannotBeWrappedAnew() {
        SealedDisk.Header formatOne = new SealedDisk.Header(1, SealedDisk.Wrapping.PLATFORM, "k", new byte[] {1}, 0, BLOCK,
                SealedDisk.Header.newFileId(), 0, 0);
        assertThrows(IllegalStateException.class, () -> formatOne.rewrapped(SealedDisk.Wrapping.PLATFORM, "k", new byte[] {2}));
    }

    @Test
    void finish_flushesTheLastBlock() throws IOException {
        KeyMaterial key = DataKeys.generate();
        byte[] image = image(BLOCK / 2);
        SealedDisk.Header header = new SealedDisk.Header(SealedDisk.Wrapping.KEY_VAULT, "k", new byte[] {1}, image.length, BLOCK,
                SealedDisk.Header.newFileId());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(sink, 1 << 20);
        SealedDisk.Writer writer = new SealedDisk.Writer(buffered, header, key);
        writer.write(image, image.length);
        writer.finish();
        assertArrayEquals(image, open(sink.toByteArray(), key), "everything is out once finish returns");
    }
}
