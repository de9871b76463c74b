package org.strongroom.backup.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup reads only the file it walked: a swap to a link, or of a directory above it, reads nothing. */
class WalkedFileTest {

    @TempDir
    Path scratch;

    private static WalkedFile walk(Path file) throws IOException {
        return WalkedFile.of(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    private Path secret() throws IOException {
        return Files.writeString(Files.createDirectories(scratch.resolve("private")).resolve("secret"), "not yours");
    }

    @Test
    void unchangedFile_isRead() throws Exception {
        Path file = Files.writeString(Files.createDirectories(scratch.resolve("src")).resolve("a.txt"), "hello");
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), walk(file).readAll(5));
    }

    @Test
    void fileSwappedForALinkAfterTheWalk_isNotRead() throws Exception {
        Path file = Files.writeString(Files.createDirectories(scratch.resolve("src")).resolve("a.txt"), "hello");
        WalkedFile walked = walk(file);
        Files.delete(file);
        Files.createSymbolicLink(file, secret());
        IOException refused = assertThrows(IOException.class, () -> walked.readAll(5));
        assertTrue(refused.getMessage().contains("replaced since the walk"), refused.getMessage());
    }

    @Test
    void fileSwappedForAnotherFileAfterTheWalk_isNotRead() throws Exception {
        Path file = Files.writeString(Files.createDirectories(scratch.resolve("src")).resolve("a.txt"), "hello");
        WalkedFile walked = walk(file);
        Files.move(file, file.resolveSibling("kept"));
        Files.writeString(file, "another");
        assertThrows(IOException.class, () -> walked.readAll(5));
    }

    @Test
    void directorySwappedForALinkAfterTheWalk_isNotReadThrough() throws Exception {
        Path directory = Files.createDirectories(scratch.resolve("src/docs"));
        Path file = Files.writeString(directory.resolve("secret"), "mine");
        WalkedFile walked = walk(file);
        Path secret = secret();
        Files.delete(file);
        Files.delete(directory);
        Files.createSymbolicLink(directory, secret.getParent());
        IOException refused = assertThrows(IOException.class, () -> walked.readAll(4));
        assertTrue(refused.getMessage().contains("directory was replaced"), refused.getMessage());
    }
}
