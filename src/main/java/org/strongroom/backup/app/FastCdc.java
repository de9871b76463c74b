package org.strongroom.backup.app;

/**
 * Content-defined chunking (FastCDC, Xia et al. 2016, with normalised chunking): a boundary falls where a
 * rolling "gear" hash of the last bytes matches a mask, so inserting or removing bytes in a file moves
 * only the boundaries near the change, and unchanged regions produce the same chunks — and deduplicate.
 *
 * <p>Chunks are at least {@link #MIN} and at most {@link #MAX} bytes, about {@link #AVERAGE} on average:
 * before the average a stricter mask (fewer cuts), after it a looser one, which narrows the spread of sizes.
 * The gear table is the vault's ({@link org.strongroom.crypto.VaultDataKey#chunkBoundaryTable}), derived from
 * its data key: the same data cuts the same way within a vault, and differently in another.
 */
public final class FastCdc {

    public static final int MIN = 256 * 1024;
    public static final int AVERAGE = 1024 * 1024;
    public static final int MAX = 4 * 1024 * 1024;

    /** 22 one-bits for the stricter mask, 18 for the looser one, in the high bits (they see the last ~60 bytes). */
    private static final long MASK_STRICT = ((1L << 22) - 1) << 40;
    private static final long MASK_LOOSE = ((1L << 18) - 1) << 42;
    private final long[] gear;

    /** Chunking with {@code gear}, a table of 256 random 64-bit words. */
    public FastCdc(long[] gear) {
        if (gear.length != 256) {
            throw new IllegalArgumentException("A gear table has 256 entries, not " + gear.length);
        }
        this.gear = gear.clone();
    }

    /**
     * The length of the chunk starting at {@code offset}, given {@code available} bytes from there; when
     * fewer than {@link #MAX} bytes are available and more may follow, the caller should supply more
     * (a cut inside the available bytes is final either way).
     */
    public int cut(byte[] data, int offset, int available) {
        if (available <= MIN) {
            return available;
        }
        int limit = Math.min(available, MAX);
        int normal = Math.min(AVERAGE, limit);
        long hash = 0;
        int i = MIN;
        for (; i < normal; i++) {
            hash = (hash << 1) + gear[data[offset + i] & 0xff];
            if ((hash & MASK_STRICT) == 0) {
                return i + 1;
            }
        }
        for (; i < limit; i++) {
            hash = (hash << 1) + gear[data[offset + i] & 0xff];
            if ((hash & MASK_LOOSE) == 0) {
                return i + 1;
            }
        }
        return limit;
    }
}
