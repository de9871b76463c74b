package org.strongroom.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.strongroom.golden.GoldenVectors.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.strongroom.crypto.ChunkSealer;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.PrivateKeys;
import org.strongroom.crypto.Rsa;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.crypto.WrapAlgorithm;
import org.strongroom.storage.domain.ChunkId;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.ManifestCodec;
import org.strongroom.storage.domain.WrappedDataKeyFile;

/**
 * The golden vectors (src/test/resources/golden, written from docs/format.md by {@link WriteGoldenVectors})
 * read two ways: by the doc with plain JCE ({@link ByTheDoc}), and by Strongroom's own codecs; and what
 * Strongroom writes read by the doc. A change of the format that the doc and the vectors do not share
 * fails here.
 */
class GoldenVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static String kekPem() {
        return new String(read(directory().resolve("kek.pem")), StandardCharsets.US_ASCII);
    }

    private static PrivateKey kek() {
        return ByTheDoc.pemPrivateKey(kekPem());
    }

    private static PlatformKey platformKey() {
        return PlatformKey.fromKeyStore(directory().resolve("platform-master-key.p12"), PLATFORM_KEYSTORE_PASSWORD.toCharArray());
    }

    private static Properties derivedKeys() {
        return properties(directory().resolve("derived-keys.properties"));
    }

    private static byte[] blob(String vault, ByTheDoc.Ref ref) {
        byte[] pack = read(pack(store(), vault, ref.pack()));
        return Arrays.copyOfRange(pack, (int) ref.offset(), (int) ref.offset() + ref.storedLength());
    }

    private static ChunkRef chunkRef(ByTheDoc.Ref ref) {
        return new ChunkRef(new ChunkId(ref.chunkId()), ref.pack(), ref.offset(), ref.storedLength(), ref.plainLength());
    }

    /** The Files manifest the golden point holds, as Strongroom's domain names it. */
    private static Manifest expectedFilesManifest(List<ChunkRef> refs) {
        long size = CHUNK_1.length() + CHUNK_2.length();
        return Manifest.files(VAULT, ITEM, POINT, CREATED, List.of(
                Manifest.Entry.directory("", 0755, MTIME),
                Manifest.Entry.directory("docs", 0750, MTIME),
                Manifest.Entry.file(FILE, 0640, MTIME, CTIME, INODE, size, refs),
                Manifest.Entry.symlink(LINK, 0777, MTIME, FILE)));
    }

    // --- The doc's own primitives ------------------------------------------------------------------------------

    @Test
    void hkdfByTheDoc_isRfc5869WithAnEmptySalt() {
        // RFC 5869, test case 3: SHA-256, an empty salt and an empty info.
        byte[] okm = ByTheDoc.hkdf(HEX.parseHex("0b".repeat(22)), "", 42);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8", HEX.formatHex(okm));
    }

    @Test
    void derivedKeys_areTheDocsAndStrongroomsAlike() {
        Properties keys = derivedKeys();
        assertEquals(keys.getProperty("chunkKey"), HEX.formatHex(ByTheDoc.chunkKey(VDK)));
        assertEquals(keys.getProperty("idKey"), HEX.formatHex(ByTheDoc.idKey(VDK)));
        assertEquals(keys.getProperty("manifestKey"), HEX.formatHex(ByTheDoc.manifestKey(VDK)));
        try (KeyMaterial vdk = KeyMaterial.copyOf(VDK); VaultDataKey keysOfVault = VaultDataKey.of(VAULT, vdk, null)) {
            long[] table = keysOfVault.chunkBoundaryTable();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(table.length * Long.BYTES);
            bytes.asLongBuffer().put(table);
            assertEquals(keys.getProperty("chunkBoundaries"), HEX.formatHex(bytes.array()));
        }
        PlatformKey platform = platformKey();
        try (KeyMaterial infrastructure = platform.derive(VaultDataKey.infrastructureContext(INFRA_VAULT));
             KeyMaterial chain = platform.derive("activity-log/chain")) {
            assertEquals(keys.getProperty("infrastructureKey"), HEX.formatHex(infrastructure.bytes()));
            assertEquals(keys.getProperty("infrastructureKey"), HEX.formatHex(ByTheDoc.infrastructureKey(PLATFORM_KEY, INFRA_VAULT)));
            assertEquals(keys.getProperty("chainKey"), HEX.formatHex(chain.bytes()));
        }
    }

    // --- The Files point of golden-vault: RSA-wrapped data key, pack, manifest ----------------------------------

    @Test
    void filesPoint_readsByTheDoc() {
        Properties dataKey = properties(dataKeyFile(store(), VAULT));
        assertEquals("1", dataKey.getProperty("format"));
        assertEquals(KEK_ID, dataKey.getProperty("wrappedBy"));
        assertEquals("RSA-OAEP-256", dataKey.getProperty("algorithm"));
        byte[] vdk = ByTheDoc.rsaOaep256Unwrap(kek(), java.util.Base64.getDecoder().decode(dataKey.getProperty("wrappedDataKey")));
        assertArrayEquals(VDK, vdk);

        ByTheDoc.ManifestText manifest = ByTheDoc.ManifestText.decode(
                ByTheDoc.openManifest(vdk, null, VAULT, ITEM, POINT, read(manifest(store(), VAULT, ITEM, POINT))));
        assertEquals(List.of(VAULT, ITEM, POINT, CREATED), List.of(manifest.vault(), manifest.item(), manifest.point(), manifest.created()));
        assertEquals(List.of("", "docs", FILE, LINK), manifest.entries().stream().map(ByTheDoc.Entry::path).toList());
        ByTheDoc.Entry file = manifest.entries().get(2);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (ByTheDoc.Ref ref : file.chunks()) {
            byte[] plaintext = ByTheDoc.openChunk(vdk, null, VAULT, ref.chunkId(), blob(VAULT, ref));
            assertEquals(ref.plainLength(), plaintext.length);
            assertEquals(ref.storedLength(), plaintext.length + 34, "a blob is 34 bytes longer than its chunk");
            content.writeBytes(plaintext);
        }
        assertEquals(CHUNK_1 + CHUNK_2, content.toString(StandardCharsets.UTF_8));
        assertEquals(file.size(), content.size());
        assertEquals(FILE, manifest.entries().get(3).linkTarget());
    }

    @Test
    void filesPoint_readsWithStrongroomsCodecs() throws Exception {
        WrappedDataKeyFile dataKey = WrappedDataKeyFile.parse(Files.readString(dataKeyFile(store(), VAULT), StandardCharsets.ISO_8859_1));
        assertEquals(new WrappedDataKeyFile(VAULT, KEK_ID, WrappedDataKeyFile.RSA_OAEP_256, dataKey.wrappedDataKey(), false), dataKey);
        try (KeyMaterial pkcs8 = PrivateKeys.read(kekPem());
             KeyMaterial vdk = Rsa.unwrap(pkcs8, WrapAlgorithm.of(dataKey.algorithm()), dataKey.wrappedDataKey());
             VaultDataKey keys = VaultDataKey.of(VAULT, vdk, null)) {
            byte[] plaintext = keys.openManifest(read(manifest(store(), VAULT, ITEM, POINT)), ITEM, POINT);
            Manifest manifest = ManifestCodec.decode(plaintext);
            List<ChunkRef> refs = manifest.entries().get(2).chunks();
            assertEquals(expectedFilesManifest(refs), manifest);
            ChunkSealer sealer = keys.newSealer();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (ChunkRef ref : refs) {
                byte[] pack = read(pack(store(), VAULT, ref.pack()));
                byte[] blob = Arrays.copyOfRange(pack, (int) ref.offset(), (int) ref.offset() + ref.storedLength());
                assertEquals(sealer.blobLength(ref.plainLength()), blob.length);
                content.writeBytes(sealer.open(ref.id().bytes(), blob));
            }
            assertEquals(CHUNK_1 + CHUNK_2, content.toString(StandardCharsets.UTF_8));
            // Strongroom's encoder writes the same bytes the doc lays out.
            assertArrayEquals(plaintext, ManifestCodec.encode(manifest));
        }
    }

    // --- The Files point of golden-zstd: blob format 2, one chunk compressed --------------------------------------

    @Test
    void compressedPoint_readsByTheDoc() {
        Properties dataKey = properties(dataKeyFile(store(), ZSTD_VAULT));
        byte[] vdk = ByTheDoc.platformOpen(PLATFORM_KEY, PLATFORM_KEY_ID, "vault/" + ZSTD_VAULT + "/data-key",
                java.util.Base64.getDecoder().decode(dataKey.getProperty("wrappedDataKey")));
        assertArrayEquals(ZSTD_VDK, vdk);
        ByTheDoc.ManifestText manifest = ByTheDoc.ManifestText.decode(ByTheDoc.openManifest(vdk, null, ZSTD_VAULT, ZSTD_ITEM,
                ZSTD_POINT, read(manifest(store(), ZSTD_VAULT, ZSTD_ITEM, ZSTD_POINT))));
        List<ByTheDoc.Ref> refs = manifest.entries().get(1).chunks();
        byte[] compressed = blob(ZSTD_VAULT, refs.get(0));
        byte[] plain = blob(ZSTD_VAULT, refs.get(1));
        assertEquals(List.of(2, 1, 2, 0), List.of((int) compressed[0], (int) compressed[1], (int) plain[0], (int) plain[1]),
                "format 2; flags 0x01 for the zstd frame, 0x00 for the chunk stored as it is");
        assertEquals(true, compressed.length < ZSTD_CHUNK_1.length() / 4, "the repetitive chunk is stored compressed");
        assertEquals(ZSTD_CHUNK_1, new String(ByTheDoc.openChunk(vdk, null, ZSTD_VAULT, refs.get(0).chunkId(), compressed),
                StandardCharsets.UTF_8));
        assertEquals(ZSTD_CHUNK_2, new String(ByTheDoc.openChunk(vdk, null, ZSTD_VAULT, refs.get(1).chunkId(), plain),
                StandardCharsets.UTF_8));
    }

    @Test
    void compressedPoint_readsWithStrongroomsCodecs() throws Exception {
        WrappedDataKeyFile dataKey = WrappedDataKeyFile.parse(Files.readString(dataKeyFile(store(), ZSTD_VAULT), StandardCharsets.ISO_8859_1));
        try (KeyMaterial vdk = platformKey().open(dataKey.wrappedDataKey(), VaultDataKey.platformSealContext(ZSTD_VAULT));
             VaultDataKey keys = VaultDataKey.of(ZSTD_VAULT, vdk, null)) {
            Manifest manifest = ManifestCodec.decode(keys.openManifest(read(manifest(store(), ZSTD_VAULT, ZSTD_ITEM, ZSTD_POINT)),
                    ZSTD_ITEM, ZSTD_POINT));
            ChunkSealer sealer = keys.newSealer();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (ChunkRef ref : manifest.entries().get(1).chunks()) {
                byte[] pack = read(pack(store(), ZSTD_VAULT, ref.pack()));
                content.writeBytes(sealer.open(ref.id().bytes(),
                        Arrays.copyOfRange(pack, (int) ref.offset(), (int) ref.offset() + ref.storedLength())));
            }
            assertEquals(ZSTD_CHUNK_1 + ZSTD_CHUNK_2, content.toString(StandardCharsets.UTF_8));
        }
    }

    // --- The Disk point of golden-infra: platform-sealed data key, infrastructure layer ---------------------------

    @Test
    void diskPointWithInfrastructureLayer_readsByTheDoc() {
        Properties dataKey = properties(dataKeyFile(store(), INFRA_VAULT));
        assertEquals(List.of("platform", "platform-seal-v1", "Enabled"), List.of(dataKey.getProperty("wrappedBy"),
                dataKey.getProperty("algorithm"), dataKey.getProperty("infrastructureEncryption")));
        byte[] vdk = ByTheDoc.platformOpen(PLATFORM_KEY, PLATFORM_KEY_ID, "vault/" + INFRA_VAULT + "/data-key",
                java.util.Base64.getDecoder().decode(dataKey.getProperty("wrappedDataKey")));
        assertArrayEquals(INFRA_VDK, vdk);
        byte[] infrastructureKey = ByTheDoc.infrastructureKey(PLATFORM_KEY, INFRA_VAULT);

        ByTheDoc.ManifestText manifest = ByTheDoc.ManifestText.decode(ByTheDoc.openManifest(vdk, infrastructureKey,
                INFRA_VAULT, INFRA_ITEM, INFRA_POINT, read(manifest(store(), INFRA_VAULT, INFRA_ITEM, INFRA_POINT))));
        assertEquals(2, manifest.kind());
        assertEquals(DISK_BLOCK, manifest.blockSize());
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        for (ByTheDoc.Ref block : manifest.blocks()) {
            if (block == null) {
                image.writeBytes(new byte[DISK_BLOCK]);
            } else {
                byte[] plaintext = ByTheDoc.openChunk(vdk, infrastructureKey, INFRA_VAULT, block.chunkId(), blob(INFRA_VAULT, block));
                assertEquals(block.storedLength(), plaintext.length + 68, "two layers add 68 bytes");
                image.writeBytes(plaintext);
            }
        }
        assertArrayEquals(diskImage(), image.toByteArray());
        assertEquals(manifest.diskSize(), image.size());
    }

    @Test
    void diskPointWithInfrastructureLayer_readsWithStrongroomsCodecs() throws Exception {
        WrappedDataKeyFile dataKey = WrappedDataKeyFile.parse(Files.readString(dataKeyFile(store(), INFRA_VAULT), StandardCharsets.ISO_8859_1));
        assertEquals(true, dataKey.wrappedByPlatform() && dataKey.infrastructureEncryption());
        PlatformKey platform = platformKey();
        try (KeyMaterial vdk = platform.open(dataKey.wrappedDataKey(), VaultDataKey.platformSealContext(INFRA_VAULT));
             VaultDataKey keys = VaultDataKey.of(INFRA_VAULT, vdk, platform.derive(VaultDataKey.infrastructureContext(INFRA_VAULT)))) {
            Manifest manifest = ManifestCodec.decode(
                    keys.openManifest(read(manifest(store(), INFRA_VAULT, INFRA_ITEM, INFRA_POINT)), INFRA_ITEM, INFRA_POINT));
            assertEquals(Manifest.Kind.DISK, manifest.kind());
            assertEquals(List.of((long) diskImage().length, MTIME, CTIME, INODE + 1), List.of(manifest.disk().size(),
                    manifest.disk().modifiedMillis(), manifest.disk().changedMillis(), manifest.disk().inode()));
            ChunkSealer sealer = keys.newSealer();
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            for (ChunkRef block : manifest.disk().blocks()) {
                if (block == null) {
                    image.writeBytes(new byte[manifest.disk().blockSize()]);
                } else {
                    byte[] pack = read(pack(store(), INFRA_VAULT, block.pack()));
                    image.writeBytes(sealer.open(block.id().bytes(),
                            Arrays.copyOfRange(pack, (int) block.offset(), (int) block.offset() + block.storedLength())));
                }
            }
            assertArrayEquals(diskImage(), image.toByteArray());
        }
    }

    // --- Sealed disk, platform seal ------------------------------------------------------------------------------

    @Test
    void sealedDisk_readsByTheDoc() {
        ByTheDoc.OpenedDisk disk = ByTheDoc.openSealedDisk(read(directory().resolve("disk.sealed")),
                wrapped -> ByTheDoc.rsaOaep256Unwrap(kek(), wrapped));
        assertEquals(List.of(1, KEK_ID, (long) diskImage().length, DISK_BLOCK),
                List.of(disk.wrapping(), disk.keyId(), disk.size(), disk.blockSize()));
        assertArrayEquals(DISK_FILE_ID, disk.fileId());
        assertArrayEquals(diskImage(), disk.image());
    }

    @Test
    void sealedDisk_readsWithStrongroomsCodecs() throws Exception {
        try (InputStream in = Files.newInputStream(directory().resolve("disk.sealed"))) {
            SealedDisk.Header header = SealedDisk.Header.read(in);
            assertEquals(SealedDisk.Wrapping.KEY_VAULT, header.wrapping());
            assertEquals(KEK_ID, header.keyId());
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            try (KeyMaterial pkcs8 = PrivateKeys.read(kekPem());
                 KeyMaterial diskKey = Rsa.unwrap(pkcs8, WrapAlgorithm.RSA_OAEP_256, header.wrappedKey())) {
                SealedDisk.open(in, header, diskKey, image);
            }
            assertArrayEquals(diskImage(), image.toByteArray());
        }
    }

    @Test
    void platformSeal_readsByTheDocAndWithStrongroom() {
        byte[] sealed = read(directory().resolve("platform-seal.bin"));
        byte[] pkcs8 = kek().getEncoded();
        assertArrayEquals(pkcs8, ByTheDoc.platformOpen(PLATFORM_KEY, PLATFORM_KEY_ID, KEK_CONTEXT, sealed));
        try (KeyMaterial opened = platformKey().open(sealed, KEK_CONTEXT)) {
            assertArrayEquals(pkcs8, opened.bytes());
        }
        assertThrows(IntegrityException.class, () -> platformKey().open(sealed, KEK_CONTEXT + "x"),
                "the context is in the associated data");
    }

    // --- What Strongroom writes, read by the doc -----------------------------------------------------------------

    @Test
    void chunksStrongroomSeals_openByTheDoc() {
        chunkStrongroomSeals_opensByTheDoc("a chunk Strongroom seals".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compressedChunksStrongroomSeals_openByTheDoc() {
        byte[] plaintext = "a chunk Strongroom compresses, then seals; ".repeat(2000).getBytes(StandardCharsets.UTF_8);
        chunkStrongroomSeals_opensByTheDoc(plaintext);
    }

    private static void chunkStrongroomSeals_opensByTheDoc(byte[] plaintext) {
        PlatformKey platform = platformKey();
        try (KeyMaterial vdk = KeyMaterial.copyOf(INFRA_VDK);
             VaultDataKey plain = VaultDataKey.of(INFRA_VAULT, vdk, null);
             VaultDataKey layered = VaultDataKey.of(INFRA_VAULT, vdk, platform.derive(VaultDataKey.infrastructureContext(INFRA_VAULT)))) {
            for (VaultDataKey keys : List.of(plain, layered)) {
                ChunkSealer sealer = keys.newSealer();
                byte[] id = sealer.chunkId(plaintext, 0, plaintext.length);
                assertArrayEquals(ByTheDoc.chunkId(INFRA_VDK, plaintext), id);
                byte[] blob = new byte[sealer.blobLength(plaintext.length)];
                blob = Arrays.copyOf(blob, sealer.seal(id, plaintext, 0, plaintext.length, blob, 0));
                byte[] infrastructureKey = keys.hasInfrastructureLayer() ? ByTheDoc.infrastructureKey(PLATFORM_KEY, INFRA_VAULT) : null;
                assertArrayEquals(plaintext, ByTheDoc.openChunk(INFRA_VDK, infrastructureKey, INFRA_VAULT, id, blob));

                byte[] manifest = keys.sealManifest(plaintext, INFRA_ITEM, INFRA_POINT);
                assertArrayEquals(plaintext, ByTheDoc.openManifest(INFRA_VDK, infrastructureKey, INFRA_VAULT, INFRA_ITEM,
                        INFRA_POINT, manifest));
            }
        }
    }

    @Test
    void valuesStrongroomSealsWithThePlatformKey_openByTheDoc() {
        byte[] sealed = platformKey().seal(VDK, VaultDataKey.platformSealContext(VAULT));
        assertArrayEquals(VDK, ByTheDoc.platformOpen(PLATFORM_KEY, PLATFORM_KEY_ID, "vault/" + VAULT + "/data-key", sealed));
    }

    @Test
    void dataKeyFilesStrongroomWrites_readByTheDoc() throws Exception {
        byte[] wrapped = {1, 2, 3};
        Properties written = new Properties();
        written.load(new java.io.StringReader(new WrappedDataKeyFile(VAULT, KEK_ID, WrappedDataKeyFile.RSA_OAEP_256, wrapped, true).toText()));
        assertEquals(expectedDataKeyFile(wrapped), written);
    }

    private static Properties expectedDataKeyFile(byte[] wrapped) {
        Properties expected = new Properties();
        expected.setProperty("format", "1");
        expected.setProperty("vault", VAULT);
        expected.setProperty("wrappedBy", KEK_ID);
        expected.setProperty("algorithm", "RSA-OAEP-256");
        expected.setProperty("wrappedDataKey", java.util.Base64.getEncoder().encodeToString(wrapped));
        expected.setProperty("infrastructureEncryption", "Enabled");
        return expected;
    }

    @Test
    void sealedDisksStrongroomWrites_openByTheDoc() throws Exception {
        RSAPrivateCrtKey kek = (RSAPrivateCrtKey) kek();
        byte[] diskKey = new byte[32];
        Arrays.fill(diskKey, (byte) 0x61);
        byte[] fileId = SealedDisk.Header.newFileId();
        byte[] image = diskImage();
        SealedDisk.Header header = new SealedDisk.Header(SealedDisk.Wrapping.KEY_VAULT, KEK_ID,
                Rsa.wrap(kek.getModulus(), kek.getPublicExponent(), WrapAlgorithm.RSA_OAEP_256, diskKey), image.length, DISK_BLOCK, fileId);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (KeyMaterial key = KeyMaterial.copyOf(diskKey)) {
            SealedDisk.Writer writer = new SealedDisk.Writer(file, header, key);
            for (int at = 0; at < image.length; at += DISK_BLOCK) {
                int length = Math.min(DISK_BLOCK, image.length - at);
                writer.write(Arrays.copyOfRange(image, at, at + length), length);
            }
            writer.finish();
        }
        ByTheDoc.OpenedDisk opened = ByTheDoc.openSealedDisk(file.toByteArray(), wrapped -> ByTheDoc.rsaOaep256Unwrap(kek, wrapped));
        assertArrayEquals(image, opened.image());
        assertArrayEquals(fileId, opened.fileId());
        assertArrayEquals(diskKey, ByTheDoc.rsaOaep256Unwrap(kek, opened.wrappedKey()));
        // And Strongroom reads what it wrote through its own header reader, too.
        SealedDisk.Header read = SealedDisk.Header.read(new ByteArrayInputStream(file.toByteArray()));
        assertEquals(header.keyId(), read.keyId());
        assertEquals(2, read.format());

        // Wrapped anew into the other key slot, the old one zeroed: the doc's reader takes the new wrapping.
        byte[] rewrappedFile = file.toByteArray();
        SealedDisk.Header next = read.rewrapped(SealedDisk.Wrapping.PLATFORM, "platform-key-1", new byte[] {9, 9, 9});
        System.arraycopy(next.slotBytes(), 0, rewrappedFile, next.slotOffset(), SealedDisk.SLOT);
        Arrays.fill(rewrappedFile, read.slotOffset(), read.slotOffset() + SealedDisk.SLOT, (byte) 0);
        ByTheDoc.OpenedDisk again = ByTheDoc.openSealedDisk(rewrappedFile, wrapped -> diskKey);
        assertEquals("platform-key-1", again.keyId());
        assertArrayEquals(new byte[] {9, 9, 9}, again.wrappedKey());
        assertArrayEquals(image, again.image(), "the blocks are the same bytes, under the same disk key");
    }

    @Test
    void manifestsStrongroomEncodes_areTheDocsBytes() {
        ByTheDoc.Ref ref = new ByTheDoc.Ref(new byte[32], PACK, 7, 40, 6);
        byte[] byTheDoc = new ByTheDoc.ManifestText(2, VAULT, ITEM, POINT, CREATED, List.of(), 64, MTIME, CTIME, INODE, 32,
                Arrays.asList(null, ref)).encode();
        Manifest manifest = Manifest.disk(VAULT, ITEM, POINT, CREATED,
                new Manifest.Disk(64, MTIME, CTIME, INODE, 32, Arrays.asList(null, chunkRef(ref))));
        assertArrayEquals(byTheDoc, ManifestCodec.encode(manifest));
    }
}
