package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Source data for backup tests, generated reproducibly under target/it-sources (which the server can read). */
public final class SourceTrees {

    private SourceTrees() {
    }

    /** Deletes {@code root} and all beneath it, if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public static Path newDirectory(String name) {
        try {
            Path dir = Path.of(System.getProperty("it.sources", "target/it-sources")).toAbsolutePath().resolve(Names.unique(name));
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A tree with random and repeated content, an empty file, a large file, a symbolic link, nested
     * directories, particular modes and modification times, and the distinctive text {@code marker}.
     */
    public static Path tree(String marker, long seed) {
        Path root = newDirectory("tree");
        Random random = new Random(seed);
        try {
            Files.createDirectories(root.resolve("docs/deep/deeper"));
            Files.createDirectories(root.resolve("empty-dir"));
            write(root.resolve("docs/readme.txt"), ("Strongroom test file " + marker + "\n").repeat(200).getBytes(StandardCharsets.UTF_8));
            write(root.resolve("docs/deep/deeper/secret.txt"), (marker + " deep secret").getBytes(StandardCharsets.UTF_8));
            byte[] shared = bytes(random, 300_000);
            write(root.resolve("copy-a.bin"), shared);
            write(root.resolve("docs/copy-b.bin"), shared);
            write(root.resolve("large.bin"), bytes(random, 5 * 1024 * 1024 + 123));
            for (int i = 0; i < 20; i++) {
                write(root.resolve("docs/small-" + i + ".dat"), bytes(random, 100 + random.nextInt(5000)));
            }
            write(root.resolve("empty.txt"), new byte[0]);
            Files.createSymbolicLink(root.resolve("link-to-readme"), Path.of("docs/readme.txt"));
            Files.setPosixFilePermissions(root.resolve("docs/deep/deeper/secret.txt"), PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(root.resolve("large.bin"), PosixFilePermissions.fromString("rwxr-x---"));
            Files.setLastModifiedTime(root.resolve("copy-a.bin"), FileTime.fromMillis(1_600_000_000_000L));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** A disk image of {@code megabytes} MiB: random blocks with all-zero regions between them. */
    public static Path diskImage(int megabytes, long seed) {
        Path image = newDirectory("disk").resolve("disk.img");
        Random random = new Random(seed);
        byte[] content = new byte[megabytes * 1024 * 1024];
        for (int block = 0; block < megabytes; block++) {
            if (block % 3 != 1) {
                byte[] data = bytes(random, 1024 * 1024);
                System.arraycopy(data, 0, content, block * 1024 * 1024, data.length);
            }
        }
        write(image, content);
        return image;
    }

    /**
     * Everything a restore must bring back of a tree, one line per entry, sorted by path: type, mode bits,
     * modification time (ms), and the content's SHA-256 or the link's target. Compare two with assertEquals.
     */
    public static String describe(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted().toList();
            StringBuilder description = new StringBuilder();
            for (Path path : paths) {
                String relative = root.relativize(path).toString();
                Map<String, Object> unix = Files.readAttributes(path, "unix:mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
                description.append(relative.isEmpty() ? "." : relative).append(' ');
                if (Files.isSymbolicLink(path)) {
                    description.append("link -> ").append(Files.readSymbolicLink(path));
                } else {
                    description.append(Files.isDirectory(path) ? "dir" : "file")
                            .append(' ').append(Integer.toOctalString((Integer) unix.get("mode") & 07777))
                            .append(' ').append(((FileTime) unix.get("lastModifiedTime")).toMillis());
                    if (Files.isRegularFile(path)) {
                        description.append(' ').append(HexFormat.of().formatHex(
                                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
                    }
                }
                description.append('\n');
            }
            return description.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    public static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
