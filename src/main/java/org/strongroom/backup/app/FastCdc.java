package org.strongroom.backup.app;

import java.util.SplittableRandom;

/**
 * Content-defined chunking (FastCDC, Xia et al. 2016, with normalised chunking): a boundary falls where a
 * rolling "gear" hash of the last bytes matches a mask, so inserting or removing bytes in a file moves
 * only the boundaries near the change, and unchanged regions produce the same chunks — and deduplicate.
 *
 * <p>Chunks are at least {@link #MIN} and at most {@link #MAX} bytes, about {@link #AVERAGE} on average:
 * before the average a stricter mask (fewer cuts), after it a looser one, which narrows the spread of sizes.
 * The gear table comes from a fixed seed: the same data always cuts the same way.
 */
public final class FastCdc {

    public static final int MIN = 256 * 1024;
    public static final int AVERAGE = 1024 * 1024;
    public static final int MAX = 4 * 1024 * 1024;

    /** 22 one-bits for the stricter mask, 18 for the looser one, in the high bits (they see the last ~60 bytes). */
    private static final long MASK_STRICT = ((1L << 22) - 1) << 40;
    private static final long MASK_LOOSE = ((1L << 18) - 1) << 42;
    private static final long[] GEAR = new long[256];

    static {
        SplittableRandom random = new SplittableRandom(0x5745_4e53_4f52_4f4dL);
        for (int i = 0; i < GEAR.length; i++) {
            GEAR[i] = random.nextLong();
        }
    }

    private FastCdc() {
    }

    /**
     * The length of the chunk starting at {@code offset}, given {@code available} bytes from there; when
     * fewer than {@link #MAX} bytes are available and more may follow, the caller should supply more
     * (a cut inside the available bytes is final either way).
     */
    public static int cut(byte[] data, int offset, int available) {
        if (available <= MIN) {
            return available;
        }
        int limit = Math.min(available, MAX);
        int normal = Math.min(AVERAGE, limit);
        long hash = 0;
        int i = MIN;
        for (; i < normal; i++) {
            hash = (hash << 1) + GEAR[data[offset + i] & 0xff];
            if ((hash & MASK_STRICT) == 0) {
                return i + 1;
            }
        }
        for (; i < limit; i++) {
            hash = (hash << 1) + GEAR[data[offset + i] & 0xff];
            if ((hash & MASK_LOOSE) == 0) {
                return i + 1;
            }
        }
        return limit;
    }
}
