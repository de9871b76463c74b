package org.strongroom.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The reproducible data sets (seeded). The main one: a file tree of ~1.2 GiB — many small files, some large
 * incompressible files, duplicated content, and text (logs, source-like lines) that compresses about 4:1 —
 * and a 512 MiB disk image whose every third MiB is zeros. The second, of another shape ({@link #generateShapes}):
 * 100,000 files under 4 KiB and one 2 GiB file, no disk image.
 */
final class DataSet {

    static final int SMALL_FILES = 10_000;
    static final int LARGE_FILES = 6;
    static final int LARGE_SIZE = 96 * 1024 * 1024;
    static final int DUPLICATED_SIZE = 32 * 1024 * 1024;
    static final int DUPLICATE_COPIES = 3;
    static final int DISK_MIB = 512;
    static final int TEXT_FILES = 2_000;
    static final int TINY_FILES = 100_000;
    static final long HUGE_SIZE = 2L * 1024 * 1024 * 1024;

    final Path root;
    final Path tree;
    final Path image;

    DataSet(Path root) {
        this.root = root;
        this.tree = root.resolve("tree");
        this.image = root.resolve("disk.img");
    }

    void generate(long seed) throws IOException {
        deleteTree(root);
        Files.createDirectories(tree);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SMALL_FILES; i++) {
            Path file = tree.resolve("small/d" + (i % 100) + "/f" + i + ".dat");
            Files.createDirectories(file.getParent());
            write(file, random, 1024 + random.nextInt(47 * 1024));
        }
        Files.createDirectories(tree.resolve("large"));
        for (int i = 0; i < LARGE_FILES; i++) {
            write(tree.resolve("large/big-" + i + ".bin"), random, LARGE_SIZE);
        }
        for (int i = 0; i < TEXT_FILES; i++) {
            Path file = tree.resolve("text/d" + (i % 20) + "/t" + i + ".log");
            Files.createDirectories(file.getParent());
            Files.write(file, text(random, 8 * 1024 + random.nextInt(192 * 1024)));
        }
        Files.createDirectories(tree.resolve("dup"));
        for (int original = 0; original < 2; original++) {
            Path first = tree.resolve("dup/original-" + original + ".bin");
            write(first, random, DUPLICATED_SIZE);
            for (int copy = 1; copy <= DUPLICATE_COPIES; copy++) {
                Files.copy(first, tree.resolve("dup/copy-" + original + "-" + copy + ".bin"));
            }
        }
        try (OutputStream out = Files.newOutputStream(image)) {
            byte[] block = new byte[1024 * 1024];
            byte[] zeros = new byte[block.length];
            for (int mib = 0; mib < DISK_MIB; mib++) {
                if (mib % 3 == 1) {
                    out.write(zeros);
                } else {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
    }

    /**
     * The second data set: 100,000 files of 64 bytes to 4 KiB (half text, half random) in 1,000 directories,
     * and one 2 GiB file of random bytes with text every 64 MiB. No disk image.
     */
    void generateShapes(long seed) throws IOException {
        deleteTree(root);
        Files.createDirectories(tree);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < TINY_FILES; i++) {
            Path file = tree.resolve("tiny/d" + (i % 1000) + "/f" + i);
            if (i < 1000) {
                Files.createDirectories(file.getParent());
            }
            int size = 64 + random.nextInt(4096 - 64);
            if (i % 2 == 0) {
                Files.write(file, text(random, size));
            } else {
                write(file, random, size);
            }
        }
        try (OutputStream out = Files.newOutputStream(tree.resolve("huge.bin"))) {
            byte[] block = new byte[1024 * 1024];
            for (long mib = 0; mib < HUGE_SIZE / block.length; mib++) {
                if (mib % 64 == 0) {
                    out.write(text(random, block.length));
                } else {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
    }

    private static final String[] WORDS = {"backup", "vault", "key", "restore", "chunk", "the", "of", "and", "INFO", "WARN",
            "request", "completed", "in", "ms", "user", "strongroom", "recovery", "point", "public", "final", "return",
            "if", "else", "for", "int", "String", "=", "{", "}", "(", ")", ";", "null", "new", "list", "map"};

    /** Text of {@code size} bytes: log- and source-like lines of words from a small vocabulary and numbers. */
    static byte[] text(SplittableRandom random, int size) {
        StringBuilder text = new StringBuilder(size + 128);
        while (text.length() < size) {
            text.append("2026-12-0").append(1 + random.nextInt(9)).append(' ').append(random.nextInt(24)).append(':')
                    .append(random.nextInt(60)).append(' ');
            for (int words = 4 + random.nextInt(10); words > 0; words--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                if (random.nextInt(6) == 0) {
                    text.append(random.nextInt(100_000)).append(' ');
                }
            }
            text.append('\n');
        }
        return java.util.Arrays.copyOf(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), size);
    }

    /** Changes 1 % of the files (seeded): 4 KiB in the middle of each is rewritten. Answers how many. */
    int changeOnePercent(long seed) throws IOException {
        List<Path> files = files();
        SplittableRandom random = new SplittableRandom(seed);
        int count = Math.max(1, files.size() / 100);
        byte[] patch = new byte[4096];
        for (int i = 0; i < count; i++) {
            Path file = files.get(random.nextInt(files.size()));
            random.nextBytes(patch);
            try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
                long position = Math.max(0, data.length() / 2 - patch.length / 2);
                data.seek(position);
                data.write(patch, 0, (int) Math.min(patch.length, data.length()));
            }
        }
        return count;
    }

    List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    long treeBytes() throws IOException {
        return bytesUnder(tree);
    }

    /** The bytes of the regular files under {@code directory}. */
    static long bytesUnder(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            long total = 0;
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    long imageBytes() throws IOException {
        return Files.exists(image) ? Files.size(image) : 0;
    }

    private static void write(Path file, SplittableRandom random, int size) throws IOException {
        byte[] content = new byte[size];
        random.nextBytes(content);
        Files.write(file, content);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
