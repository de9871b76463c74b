package org.strongroom.crypto;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/** Opening the zstd frame of a compressed chunk or manifest: the size the frame states is checked first. */
final class ZstdFrames {

    private ZstdFrames() {
    }

    /**
     * The plaintext of an authenticated frame, which must state its size, at most {@code max} bytes;
     * {@link IntegrityException} naming {@code what} otherwise.
     */
    static byte[] decompress(ZstdDecompressCtx context, byte[] frame, long max, String what) {
        long size = Zstd.getFrameContentSize(frame, 0, frame.length);
        if (size < 0 || size > max) {
            throw new IntegrityException(what + " holds no zstd frame of a known size up to " + max + " bytes");
        }
        byte[] plaintext = new byte[(int) size];
        try {
            if (context.decompressByteArray(plaintext, 0, plaintext.length, frame, 0, frame.length) != size) {
                throw new IntegrityException(what + " does not decompress to the size its frame states");
            }
        } catch (ZstdException e) {
            throw new IntegrityException(what + " holds a damaged zstd frame: " + e.getMessage());
        }
        return plaintext;
    }
}
