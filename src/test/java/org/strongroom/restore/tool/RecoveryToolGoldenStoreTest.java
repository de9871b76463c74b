package org.strongroom.restore.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strongroom.golden.GoldenVectors.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline recovery tool on the golden store (src/test/resources/golden, written from docs/format.md,
 * not by Strongroom): it restores the points of blob format 1 (stores written before compression) and of
 * format 2, and opens the sealed disk; on a damaged copy of the store
 * it fails closed, with status 2 and no restored file.
 */
class RecoveryToolGoldenStoreTest {

    @TempDir
    Path work;

    private record Run(int exit, String out, String err) {
    }

    private static Run tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RecoveryTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path storeCopy() throws IOException {
        Path copy = work.resolve("store");
        try (Stream<Path> files = Files.walk(store())) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(store().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private Run recoverFilesPoint(Path store, Path out) {
        return tool("recover", "--store", store.toString(), "--vault", VAULT, "--point", POINT, "--out", out.toString(),
                "--key", directory().resolve("kek.pem").toString());
    }

    private Run recoverDiskPoint(Path store, Path out) {
        return tool("recover", "--store", store.toString(), "--vault", INFRA_VAULT, "--point", INFRA_POINT, "--out", out.toString(),
                "--platform-keystore", directory().resolve("platform-master-key.p12").toString(),
                "--platform-password", PLATFORM_KEYSTORE_PASSWORD);
    }

    private static void flipByte(Path file, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
    }

    @Test
    void goldenFilesPoint_isRecoveredWithTheCustomersKey() throws IOException {
        Path out = work.resolve("files");
        Run run = recoverFilesPoint(storeCopy(), out);
        assertEquals(RecoveryTool.OK, run.exit(), run.err());
        assertEquals(CHUNK_1 + CHUNK_2, Files.readString(out.resolve(FILE)));
        assertEquals(FILE, Files.readSymbolicLink(out.resolve(LINK)).toString());
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(FILE))));
    }

    @Test
    void goldenDiskPointWithInfrastructureLayer_isRecoveredWithThePlatformKeystore() throws IOException {
        Path image = work.resolve("disk.img");
        Run run = recoverDiskPoint(storeCopy(), image);
        assertEquals(RecoveryTool.OK, run.exit(), run.err());
        assertArrayEquals(diskImage(), Files.readAllBytes(image));
    }

    @Test
    void goldenCompressedPoint_inBlobFormat2_isRecoveredWithThePlatformKeystore() throws IOException {
        Path out = work.resolve("notes");
        Run run = tool("recover", "--store", storeCopy().toString(), "--vault", ZSTD_VAULT, "--point", ZSTD_POINT,
                "--out", out.toString(), "--platform-keystore", directory().resolve("platform-master-key.p12").toString(),
                "--platform-password", PLATFORM_KEYSTORE_PASSWORD);
        assertEquals(RecoveryTool.OK, run.exit(), run.err());
        assertEquals(ZSTD_CHUNK_1 + ZSTD_CHUNK_2, Files.readString(out.resolve(ZSTD_FILE)));
    }

    @Test
    void goldenSealedDisk_isUnsealedWithTheCustomersKey() throws IOException {
        Path image = work.resolve("unsealed.img");
        Run run = tool("unseal", "--in", directory().resolve("disk.sealed").toString(), "--out", image.toString(),
                "--key", directory().resolve("kek.pem").toString());
        assertEquals(RecoveryTool.OK, run.exit(), run.err());
        assertArrayEquals(diskImage(), Files.readAllBytes(image));
    }

    @Test
    void goldenStore_isListedWithItsPoints() throws IOException {
        Run run = tool("list", "--store", storeCopy().toString(), "--key", directory().resolve("kek.pem").toString());
        assertEquals(RecoveryTool.OK, run.exit(), run.err());
        assertTrue(run.out().contains(POINT) && run.out().contains(INFRA_VAULT), run.out());
    }

    @Test
    void damagedStore_failsClosedWithStatus2AndRestoresNothing() throws IOException {
        List<String> failures = new ArrayList<>();
        record Damage(String name, DamageAction action) {
        }
        List<Damage> damages = List.of(
                new Damage("a bit flipped in a chunk blob", store -> flipByte(pack(store, VAULT, PACK), 30)),
                new Damage("the pack deleted", store -> Files.delete(pack(store, VAULT, PACK))),
                new Damage("the pack truncated", store -> truncate(pack(store, VAULT, PACK), 100)),
                new Damage("a bit flipped in the manifest", store -> flipByte(manifest(store, VAULT, ITEM, POINT), 20)),
                new Damage("the manifest replaced by another point's", store -> Files.copy(manifest(store, INFRA_VAULT, INFRA_ITEM, INFRA_POINT),
                        manifest(store, VAULT, ITEM, POINT), java.nio.file.StandardCopyOption.REPLACE_EXISTING)),
                new Damage("data-key.properties's wrapped key altered", store -> {
                    Path file = dataKeyFile(store, VAULT);
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    int at = text.indexOf("wrappedDataKey=") + "wrappedDataKey=".length() + 10;
                    char replacement = text.charAt(at) == 'A' ? 'B' : 'A';
                    Files.writeString(file, text.substring(0, at) + replacement + text.substring(at + 1), StandardCharsets.ISO_8859_1);
                }),
                new Damage("data-key.properties replaced by another vault's", store -> Files.copy(dataKeyFile(store, INFRA_VAULT),
                        dataKeyFile(store, VAULT), java.nio.file.StandardCopyOption.REPLACE_EXISTING)));
        for (Damage damage : damages) {
            Path store = storeCopy();
            damage.action().apply(store);
            Path out = work.resolve("out");
            // Both keys given: the damage, not a missing key, must be what stops the tool.
            Run run = tool("recover", "--store", store.toString(), "--vault", VAULT, "--point", POINT, "--out", out.toString(),
                    "--key", directory().resolve("kek.pem").toString(),
                    "--platform-keystore", directory().resolve("platform-master-key.p12").toString(),
                    "--platform-password", PLATFORM_KEYSTORE_PASSWORD);
            if (run.exit() != RecoveryTool.WRONG_KEY_OR_DAMAGED || Files.exists(out.resolve(FILE))) {
                failures.add(damage.name() + ": exit " + run.exit() + ", " + run.err().strip());
            }
            deleteAll(work);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void sealedDiskWithTrailingBytes_failsClosedWithStatus2() throws IOException {
        Path sealed = work.resolve("disk.sealed");
        Files.copy(directory().resolve("disk.sealed"), sealed);
        Files.write(sealed, new byte[] {0}, StandardOpenOption.APPEND);
        Run run = tool("unseal", "--in", sealed.toString(), "--out", work.resolve("img").toString(),
                "--key", directory().resolve("kek.pem").toString());
        assertEquals(RecoveryTool.WRONG_KEY_OR_DAMAGED, run.exit(), run.err());
        assertTrue(Files.notExists(work.resolve("img")), "no half-written image is left");
    }

    @Test
    void diskPointWithoutThePlatformKeystoresInfrastructureLayer_failsClosed() throws IOException {
        Path store = storeCopy();
        flipByte(pack(store, INFRA_VAULT, INFRA_PACK), 8);
        Path image = work.resolve("disk.img");
        Run run = recoverDiskPoint(store, image);
        assertEquals(RecoveryTool.WRONG_KEY_OR_DAMAGED, run.exit(), run.err());
    }

    @FunctionalInterface
    private interface DamageAction {
        void apply(Path store) throws IOException;
    }

    private static void truncate(Path file, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length)));
    }

    private static void deleteAll(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!file.equals(directory)) {
                    Files.delete(file);
                }
            }
        }
    }
}
