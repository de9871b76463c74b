package org.strongroom.backup.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.strongroom.storage.domain.ChunkRef;

/** Reads a file or stream in large windows and submits its content-defined chunks to the pipeline, in order. */
final class ChunkReader {

    private static final int WINDOW = 4 * FastCdc.MAX;

    private final byte[] window = new byte[WINDOW];
    private final FastCdc chunker;

    ChunkReader(FastCdc chunker) {
        this.chunker = chunker;
    }

    /** Submits the chunks of {@code file}; the futures are in file order. Also answers the bytes read. */
    Chunked submit(WalkedFile file, ChunkPipeline pipeline) throws IOException {
        try (SeekableByteChannel channel = file.open()) {
            return submit(channel, pipeline, read -> { });
        }
    }

    /** Submits the chunks of a stream read to its end, telling {@code progress} the bytes read so far. */
    Chunked submit(ReadableByteChannel channel, ChunkPipeline pipeline, LongConsumer progress) throws IOException {
        List<CompletableFuture<ChunkRef>> chunks = new ArrayList<>();
        long read = 0;
        int start = 0;
        int filled = 0;
        boolean eof = false;
        while (true) {
            while (!eof && filled < WINDOW) {
                int n = channel.read(ByteBuffer.wrap(window, filled, WINDOW - filled));
                if (n < 0) {
                    eof = true;
                } else {
                    filled += n;
                    read += n;
                }
            }
            while (filled - start >= FastCdc.MAX || (eof && start < filled)) {
                int length = chunker.cut(window, start, filled - start);
                chunks.add(pipeline.submit(Arrays.copyOfRange(window, start, start + length), length));
                start += length;
            }
            if (eof) {
                return new Chunked(chunks, read);
            }
            progress.accept(read);
            System.arraycopy(window, start, window, 0, filled - start);
            filled -= start;
            start = 0;
        }
    }

    record Chunked(List<CompletableFuture<ChunkRef>> chunks, long bytes) {
    }
}
