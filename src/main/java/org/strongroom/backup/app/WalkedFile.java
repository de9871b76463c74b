package org.strongroom.backup.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * A regular file as the walk found it — its file key (device and inode) and its directory's — read later
 * only if it is still that file. Between the walk and the read, someone who can write the source could
 * swap the file, or a directory above it, for a link to a file the server can read and they cannot. So the
 * file is opened relative to its directory (openat), that directory must be the one walked (same device
 * and inode, checked on the open directory), the file is opened without following a link (O_NOFOLLOW),
 * and it must be the walked file before and after it is opened. Otherwise it is skipped with a warning.
 */
record WalkedFile(Path path, Object key, Object directoryKey) {

    private static final Set<OpenOption> READ_NO_LINK = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** The file found at {@code path} by the walk, with {@code attributes} read there without following links. */
    static WalkedFile of(Path path, BasicFileAttributes attributes) throws IOException {
        Object directory = Files.readAttributes(path.getParent(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return new WalkedFile(path, attributes.fileKey(), directory);
    }

    /** Opens the file for reading, if it is still the one walked; else an {@link IOException} saying why not. */
    SeekableByteChannel open() throws IOException {
        try (DirectoryStream<Path> directory = Files.newDirectoryStream(path.getParent())) {
            if (!(directory instanceof SecureDirectoryStream<Path> secure)) {
                return openByPath();
            }
            Object opened = secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
            if (!directoryKey.equals(opened)) {
                throw new IOException("its directory was replaced since the walk (a link or a move); not read");
            }
            Path name = path.getFileName();
            requireWalked(secure, name);
            SeekableByteChannel channel = secure.newByteChannel(name, READ_NO_LINK);
            try {
                requireWalked(secure, name);
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    private void requireWalked(SecureDirectoryStream<Path> directory, Path name) throws IOException {
        requireWalked(directory.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes());
    }

    /** Where the platform offers no openat: without following a link, and the same file before and after. */
    private SeekableByteChannel openByPath() throws IOException {
        requireWalked(path);
        SeekableByteChannel channel = Files.newByteChannel(path, READ_NO_LINK);
        try {
            requireWalked(path);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void requireWalked(Path file) throws IOException {
        requireWalked(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    private void requireWalked(BasicFileAttributes now) throws IOException {
        if (!now.isRegularFile() || !key.equals(now.fileKey())) {
            throw new IOException("it was replaced since the walk (by a link or another file); not read");
        }
    }

    /** The whole content (a small file), read through {@link #open()}. */
    byte[] readAll(int expectedSize) throws IOException {
        try (SeekableByteChannel channel = open()) {
            ByteBuffer content = ByteBuffer.allocate(Math.max(expectedSize, 0) + 1);
            while (channel.read(content) >= 0) {
                if (!content.hasRemaining()) {
                    ByteBuffer larger = ByteBuffer.allocate(content.capacity() * 2);
                    content.flip();
                    larger.put(content);
                    content = larger;
                }
            }
            return Arrays.copyOf(content.array(), content.position());
        }
    }
}
