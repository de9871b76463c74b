package org.strongroom.storage.infra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Files written past the page cache hold exactly the bytes written, whatever their length against the
 * 4 KiB blocks and the gathering buffer; a writer given up leaves what it wrote for the caller to remove.
 * Written under target/ (ext4 on our machines, where O_DIRECT applies; elsewhere the page cache path runs
 * the same assertions).
 */
class DirectWriterTest {

    private static Path directory() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target/direct-writer-test")), "t");
    }

    @Test
    void fileOfAnyLength_holdsExactlyTheBytesWritten_inPiecesOfAnySize() throws IOException {
        Path directory = directory();
        Random random = new Random(3);
        for (int length : new int[] {0, 1, 4095, 4096, 4097, DirectWriter.BUFFER - 1, DirectWriter.BUFFER, DirectWriter.BUFFER + 4097,
                3 * DirectWriter.BUFFER + 12_345}) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            Path file = directory.resolve("f" + length);
            try (DirectWriter out = DirectWriter.create(file)) {
                for (int at = 0; at < length; ) {
                    int piece = Math.min(length - at, 1 + random.nextInt(1_500_000));
                    out.write(content, at, piece);
                    at += piece;
                }
                assertEquals(length, out.length());
                out.finish(length % 2 == 0);
            }
            assertEquals(length, Files.size(file), "length " + length);
            assertArrayEquals(content, Files.readAllBytes(file), "length " + length);
        }
    }

    @Test
    void onExt4OrXfs_theFileIsWrittenPastThePageCache() throws IOException {
        Path directory = directory();
        String type = Files.getFileStore(directory).type();
        org.junit.jupiter.api.Assumptions.assumeTrue(type.equals("ext4") || type.equals("xfs"), "O_DIRECT is checked on ext4 and xfs, not " + type);
        try (DirectWriter out = DirectWriter.create(directory.resolve("direct"))) {
            org.junit.jupiter.api.Assertions.assertTrue(out.direct(), out.toString());
            out.finish(false);
        }
    }

    @Test
    void create_refusesAnExistingFile_andLeavesIt() throws IOException {
        Path file = Files.writeString(directory().resolve("exists"), "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> DirectWriter.create(file));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void writerClosedWithoutFinish_writesNoPartialBlockAndLeavesTheFileToItsCaller() throws IOException {
        Path file = directory().resolve("given-up");
        try (DirectWriter out = DirectWriter.create(file)) {
            out.write(new byte[100], 0, 100);
        }
        assertEquals(0, Files.size(file), "the gathered bytes are not written without finish");
        assertFalse(Files.readString(file).contains("x"));
    }
}
