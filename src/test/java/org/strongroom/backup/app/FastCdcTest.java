package org.strongroom.backup.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Content-defined chunking: chunks cover the data exactly within their bounds, cut the same data the same way,
 * survive insertions, and cut elsewhere in another vault.
 */
class FastCdcTest {

    private static final FastCdc CHUNKER = new FastCdc(table(42));

    private static long[] table(long seed) {
        long[] gear = new long[256];
        Random random = new Random(seed);
        for (int i = 0; i < gear.length; i++) {
            gear[i] = random.nextLong();
        }
        return gear;
    }

    private static List<byte[]> chunks(byte[] data) {
        return chunks(CHUNKER, data);
    }

    private static List<byte[]> chunks(FastCdc chunker, byte[] data) {
        List<byte[]> chunks = new ArrayList<>();
        int offset = 0;
        while (offset < data.length) {
            int length = chunker.cut(data, offset, data.length - offset);
            chunks.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
            offset += length;
        }
        return chunks;
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void chunks_coverTheDataExactly_withinMinAndMax() {
        byte[] data = random(40 * 1024 * 1024, 1);
        List<byte[]> chunks = chunks(data);
        long total = 0;
        for (int i = 0; i < chunks.size(); i++) {
            int length = chunks.get(i).length;
            total += length;
            assertTrue(length <= FastCdc.MAX, "chunk over max: " + length);
            if (i < chunks.size() - 1) {
                assertTrue(length >= FastCdc.MIN, "chunk under min: " + length);
            }
        }
        assertEquals(data.length, total);
        double average = (double) data.length / chunks.size();
        assertTrue(average > 0.6 * FastCdc.AVERAGE && average < 2.0 * FastCdc.AVERAGE, "average " + average);
    }

    @Test
    void sameData_cutsTheSameWay() {
        byte[] data = random(8 * 1024 * 1024, 2);
        List<byte[]> first = chunks(data);
        List<byte[]> second = chunks(data.clone());
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(java.util.Arrays.hashCode(first.get(i)), java.util.Arrays.hashCode(second.get(i)));
        }
    }

    @Test
    void insertionNearTheStart_leavesMostLaterChunksUnchanged() {
        byte[] data = random(32 * 1024 * 1024, 3);
        byte[] shifted = new byte[data.length + 100];
        System.arraycopy(data, 0, shifted, 0, 1000);
        System.arraycopy(data, 1000, shifted, 1100, data.length - 1000);
        Set<Integer> before = new HashSet<>();
        chunks(data).forEach(c -> before.add(java.util.Arrays.hashCode(c)));
        List<byte[]> after = chunks(shifted);
        long shared = after.stream().filter(c -> before.contains(java.util.Arrays.hashCode(c))).count();
        assertTrue(shared >= after.size() - 2, shared + " of " + after.size() + " chunks survived an insertion");
    }

    @Test
    void anotherVaultsTable_cutsTheSameDataElsewhere_soChunkSizesDoNotRecogniseAFileAcrossVaults() {
        byte[] data = random(16 * 1024 * 1024, 6);
        List<Integer> here = chunks(new FastCdc(table(1)), data).stream().map(c -> c.length).toList();
        List<Integer> again = chunks(new FastCdc(table(1)), data).stream().map(c -> c.length).toList();
        List<Integer> elsewhere = chunks(new FastCdc(table(2)), data).stream().map(c -> c.length).toList();
        assertEquals(here, again, "one vault cuts the same data the same way");
        assertTrue(!here.equals(elsewhere), "another vault's table cuts it elsewhere");
        Set<Integer> shared = new HashSet<>(here);
        shared.retainAll(elsewhere);
        assertTrue(shared.size() <= 1, "hardly a chunk size in common: " + shared);
    }

    @Test
    void smallInputs_areOneChunk() {
        assertEquals(1, chunks(random(1000, 4)).size());
        assertEquals(1, chunks(random(FastCdc.MIN, 5)).size());
    }
}
