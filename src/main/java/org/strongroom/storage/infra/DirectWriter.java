package org.strongroom.storage.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes a new file from start to end with {@code O_DIRECT}, past the page cache: bytes are gathered in
 * an aligned buffer and written in whole blocks; {@link #finish} writes the last block padded and cuts the
 * file to its length. Packs and restored files are written once and not read back soon, so caching them
 * only evicts what the host is using; and copying into the page cache is the dearest step of a write on
 * our machines (3.4 ns per byte of system time against 0.16 with {@code O_DIRECT}, docs/benchmarks.md).
 * Where the file system refuses {@code O_DIRECT} (tmpfs, some network file systems) the same writes go
 * through the page cache. Not thread-safe.
 */
public final class DirectWriter extends OutputStream {

    /** Gathered before a write: large enough that a write costs little per byte. */
    static final int BUFFER = 4 * 1024 * 1024;
    private static final int ALIGNMENT = 4096;
    /** Aligned buffers kept for the next writers (direct memory is dear to allocate and to free). */
    private static final Queue<ByteBuffer> SPARE = new ConcurrentLinkedQueue<>();
    private static final int MAX_SPARE = 8;

    /**
     * {@code com.sun.nio.file.ExtendedOpenOption.DIRECT} (module jdk.unsupported, which the deployment
     * imports in jboss-deployment-structure.xml), or null where it cannot be seen: then every write goes
     * through the page cache.
     */
    private static final OpenOption DIRECT = directOption();

    private final Path file;
    private final FileChannel channel;
    private final boolean direct;
    private ByteBuffer buffer;
    private long length;

    private DirectWriter(Path file, FileChannel channel, boolean direct) {
        this.file = file;
        this.channel = channel;
        this.direct = direct;
        ByteBuffer spare = SPARE.poll();
        this.buffer = spare != null ? spare : ByteBuffer.allocateDirect(BUFFER + ALIGNMENT).alignedSlice(ALIGNMENT);
        this.buffer.clear();
    }

    /** A new file ({@code CREATE_NEW}); direct where its file system allows. */
    public static DirectWriter create(Path file) throws IOException {
        if (DIRECT == null) {
            return new DirectWriter(file, open(file), false);
        }
        try {
            return new DirectWriter(file, open(file, DIRECT), true);
        } catch (FileAlreadyExistsException exists) {
            throw exists;
        } catch (UnsupportedOperationException | IOException refused) {
            Files.deleteIfExists(file); // made by CREATE_NEW just now, then O_DIRECT refused (EINVAL)
            return new DirectWriter(file, open(file), false);
        }
    }

    private static OpenOption directOption() {
        try {
            return (OpenOption) Class.forName("com.sun.nio.file.ExtendedOpenOption").getField("DIRECT").get(null);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    private static FileChannel open(Path file, OpenOption... extra) throws IOException {
        OpenOption[] options = new OpenOption[2 + extra.length];
        options[0] = StandardOpenOption.CREATE_NEW;
        options[1] = StandardOpenOption.WRITE;
        System.arraycopy(extra, 0, options, 2, extra.length);
        return FileChannel.open(file, options);
    }

    /** Whether the file is written past the page cache. */
    public boolean direct() {
        return direct;
    }

    /** The bytes written so far. */
    public long length() {
        return length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int part = Math.min(count - done, buffer.remaining());
            buffer.put(bytes, offset + done, part);
            done += part;
            if (!buffer.hasRemaining()) {
                drain();
            }
        }
        length += count;
    }

    /**
     * Writes what is gathered (the last block padded with zeros and the file cut back to its length), forces
     * the file to disk when {@code force}, and closes it.
     */
    public void finish(boolean force) throws IOException {
        try {
            int gathered = buffer.position();
            if (gathered > 0) {
                int padded = direct ? (gathered + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT : gathered;
                while (buffer.position() < padded) {
                    buffer.put((byte) 0);
                }
                drain();
                if (padded != gathered) {
                    channel.truncate(length);
                }
            }
            if (force) {
                channel.force(true);
            }
        } finally {
            close();
        }
    }

    /** Closes the file as it is (a writer given up: the caller removes the file). */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (buffer != null) {
                buffer.clear();
                if (SPARE.size() < MAX_SPARE) {
                    SPARE.offer(buffer);
                }
                buffer = null;
            }
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public String toString() {
        return file + (direct ? " (O_DIRECT)" : "");
    }
}
