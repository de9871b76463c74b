package org.strongroom.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * What went into the golden vectors under {@code src/test/resources/golden} (written once by
 * {@link WriteGoldenVectors} from docs/format.md), and where they lie. Three vaults: {@code golden-vault},
 * a Files point whose data key is wrapped by an RSA key (RSA-OAEP-256), and {@code golden-infra}, a Disk
 * point with infrastructure encryption whose data key is platform-sealed, both in chunk blob format 1 (as
 * stores were written before compression); and {@code golden-zstd}, a Files point in blob format 2, one
 * chunk compressed and one stored as it is, its data key platform-sealed.
 */
public final class GoldenVectors {

    public static final String VAULT = "golden-vault";
    public static final String ITEM = "golden-item";
    public static final String POINT = "7d3f5c1e-0a2b-4c6d-8e9f-102132435465";
    public static final UUID PACK = UUID.fromString("5a17e0c0-1d2e-4f30-8a4b-5c6d7e8f9012");
    public static final byte[] VDK = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public static final String INFRA_VAULT = "golden-infra";
    public static final String INFRA_ITEM = "golden-disk";
    public static final String INFRA_POINT = "c0ffee00-1111-4222-8333-444455556666";
    public static final UUID INFRA_PACK = UUID.fromString("d15c0000-aaaa-4bbb-8ccc-dddddddddddd");
    public static final byte[] INFRA_VDK = hex("404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");

    /** The platform master key #1 in {@code platform-master-key.p12}. */
    public static final byte[] PLATFORM_KEY = hex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    public static final String PLATFORM_KEY_ID = "platform-key-1";
    public static final String PLATFORM_KEYSTORE_PASSWORD = "golden-vectors-only";

    /** The versioned key id of the RSA key in {@code kek.pem}. */
    public static final String KEK_ID = "https://golden-kv.vault.strongroom.local/keys/golden-kek/0123456789abcdef0123456789abcdef";
    public static final String KEK_CONTEXT = "keyvault/golden-kv/keys/golden-kek/0123456789abcdef0123456789abcdef";

    public static final String CHUNK_1 = "Strongroom golden vector, chunk one: files are cut into chunks.\n";
    public static final String CHUNK_2 = "Chunk two: each is sealed under the vault's chunk key.\n";
    public static final String FILE = "docs/readme.txt";
    public static final String LINK = "latest";
    public static final long CREATED = 1_796_083_200_000L;
    public static final long MTIME = 1_796_000_000_000L;
    public static final long CTIME = 1_796_000_000_500L;
    public static final long INODE = 4242;

    /** The disk image of {@code golden-infra} and of {@code disk.sealed}: three 32-byte blocks, the middle one zero. */
    public static final int DISK_BLOCK = 32;
    public static final byte[] DISK_BLOCK_0 = "disk block zero, thirty-two byte".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] DISK_BLOCK_2 = "the short end...".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] DISK_FILE_ID = hex("f11e1d0000000000000000000000abcd");

    /** {@code golden-zstd}: blob format 2. */
    public static final String ZSTD_VAULT = "golden-zstd";
    public static final String ZSTD_ITEM = "golden-notes";
    public static final String ZSTD_POINT = "2e5d0c1b-3a49-4857-a665-748392a1b0c9";
    public static final UUID ZSTD_PACK = UUID.fromString("25d00000-1234-4567-89ab-cdef01234567");
    public static final byte[] ZSTD_VDK = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    public static final String ZSTD_FILE = "notes.log";
    /** Compressible: stored as a zstd frame. */
    public static final String ZSTD_CHUNK_1 = "format 2 compresses a chunk before it is sealed.\n".repeat(40);
    /** Too short to compress: stored as it is, in format 2. */
    public static final String ZSTD_CHUNK_2 = "the end.\n";

    /** The two activity-log records linked in {@code activity-log.properties} (sequence, time, caller, ...). */
    public static final List<String> RECORD_1 = java.util.Arrays.asList("1", "2026-12-01T00:00:00.000001Z", "alice",
            "Vault.Create", "vaults/golden-vault", "Succeeded", null);
    public static final List<String> RECORD_2 = java.util.Arrays.asList("2", "2026-12-01T00:00:01Z", "bob",
            "KeyAssignment", "vaults/golden-vault/encryption", "Failed", "The key vault refused: ünïcode détails");
    public static final String HEAD_WRITTEN = "2026-12-01T00:01:00Z";

    private GoldenVectors() {
    }

    public static byte[] diskImage() {
        return ByTheDoc.concat(DISK_BLOCK_0, new byte[DISK_BLOCK], DISK_BLOCK_2);
    }

    /** The fixed nonce number {@code n} of the vectors (real ones are random). */
    public static byte[] nonce(int n) {
        byte[] nonce = new byte[ByTheDoc.NONCE];
        java.util.Arrays.fill(nonce, (byte) (0xa0 + n));
        return nonce;
    }

    /** The golden directory among the test resources. */
    public static Path directory() {
        try {
            return Path.of(GoldenVectors.class.getResource("/golden/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path store() {
        return directory().resolve("store");
    }

    public static Path pack(Path store, String vault, UUID pack) {
        String id = pack.toString();
        return store.resolve("vaults").resolve(vault).resolve("packs").resolve(id.substring(0, 2)).resolve(id + ".pack");
    }

    public static Path manifest(Path store, String vault, String item, String point) {
        return store.resolve("vaults").resolve(vault).resolve("points").resolve(item).resolve(point + ".manifest");
    }

    public static Path dataKeyFile(Path store, String vault) {
        return store.resolve("vaults").resolve(vault).resolve("data-key.properties");
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Properties properties(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
