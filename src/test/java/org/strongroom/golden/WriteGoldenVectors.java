package org.strongroom.golden;

import static org.strongroom.golden.GoldenVectors.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

/**
 * Writes the golden vectors from docs/format.md with {@link ByTheDoc} — never with Strongroom's codecs.
 * Run once, by hand, when the format changes (and change the doc with it):
 * <pre>
 *   mvn -q test-compile
 *   java -cp target/test-classes org.strongroom.golden.WriteGoldenVectors src/test/resources/golden
 * </pre>
 * Nonces are fixed here (real ones are random); the RSA key is new on each run, so a rewrite changes
 * {@code kek.pem} and every RSA-wrapped value.
 */
public final class WriteGoldenVectors {

    private WriteGoldenVectors() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/golden");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair kek = generator.generateKeyPair();
        write(out.resolve("kek.pem"), ("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(kek.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII));
        writeKeystore(out.resolve("platform-master-key.p12"));

        Path store = out.resolve("store");
        writeFilesVault(store, kek);
        writeInfraVault(store);
        writeZstdVault(store);

        // A sealed disk of the same image, its key wrapped by the RSA key (wrapping 1).
        byte[] diskKey = GoldenVectors.hex("6060606060606060606060606060606060606060606060606060606060606060");
        byte[] header = ByTheDoc.sealedDiskHeader(1, KEK_ID, ByTheDoc.rsaOaep256Wrap(kek.getPublic(), diskKey),
                diskImage().length, DISK_BLOCK, DISK_FILE_ID);
        List<byte[]> sealed = new ArrayList<>(List.of(header));
        byte[] image = diskImage();
        for (int index = 0, at = 0; at < image.length; index++, at += DISK_BLOCK) {
            byte[] nonce = nonce(10 + index);
            byte[] block = java.util.Arrays.copyOfRange(image, at, Math.min(image.length, at + DISK_BLOCK));
            sealed.add(nonce);
            sealed.add(ByTheDoc.gcmSeal(diskKey, nonce, ByTheDoc.sealedDiskBlockAad(1, header, index), block));
        }
        write(out.resolve("disk.sealed"), ByTheDoc.concat(sealed.toArray(byte[][]::new)));

        // A key version's private key, platform-sealed as the built-in key vault stores it.
        write(out.resolve("platform-seal.bin"),
                ByTheDoc.platformSeal(PLATFORM_KEY, PLATFORM_KEY_ID, nonce(20), KEK_CONTEXT, kek.getPrivate().getEncoded()));

        // Derived keys, and the activity-log links.
        HexFormat hex = HexFormat.of();
        byte[] chainKey = ByTheDoc.platformDerived(PLATFORM_KEY, "activity-log/chain");
        String link1 = ByTheDoc.activityLink(chainKey, "0".repeat(64), RECORD_1);
        String link2 = ByTheDoc.activityLink(chainKey, link1, RECORD_2);
        write(out.resolve("derived-keys.properties"), lines(
                "chunkKey=" + hex.formatHex(ByTheDoc.chunkKey(VDK)),
                "idKey=" + hex.formatHex(ByTheDoc.idKey(VDK)),
                "manifestKey=" + hex.formatHex(ByTheDoc.manifestKey(VDK)),
                "chunkBoundaries=" + hex.formatHex(ByTheDoc.hkdf(VDK, "strongroom/chunk-boundaries", 2048)),
                "infrastructureKey=" + hex.formatHex(ByTheDoc.infrastructureKey(PLATFORM_KEY, INFRA_VAULT)),
                "chainKey=" + hex.formatHex(chainKey)));
        write(out.resolve("activity-log.properties"), lines(
                "link1=" + link1,
                "link2=" + link2,
                "unkeyedLink1=" + ByTheDoc.unkeyedActivityLink("0".repeat(64), RECORD_1),
                "headSignature=" + ByTheDoc.activityLink(chainKey, "strongroom written activity head",
                        List.of("2", link2, "0", HEAD_WRITTEN))));
    }

    private static void writeFilesVault(Path store, KeyPair kek) throws IOException {
        byte[] chunkKey = ByTheDoc.chunkKey(VDK);
        byte[] one = CHUNK_1.getBytes(StandardCharsets.UTF_8);
        byte[] two = CHUNK_2.getBytes(StandardCharsets.UTF_8);
        byte[] id1 = ByTheDoc.chunkId(VDK, one);
        byte[] id2 = ByTheDoc.chunkId(VDK, two);
        byte[] blob1 = ByTheDoc.sealChunkLayer(chunkKey, 0, VAULT, id1, nonce(1), one);
        byte[] blob2 = ByTheDoc.sealChunkLayer(chunkKey, 0, VAULT, id2, nonce(2), two);
        write(pack(store, VAULT, PACK), ByTheDoc.concat(blob1, blob2));

        List<ByTheDoc.Ref> refs = List.of(new ByTheDoc.Ref(id1, PACK, 0, blob1.length, one.length),
                new ByTheDoc.Ref(id2, PACK, blob1.length, blob2.length, two.length));
        ByTheDoc.ManifestText manifest = new ByTheDoc.ManifestText(1, VAULT, ITEM, POINT, CREATED, List.of(
                new ByTheDoc.Entry(1, "", 0755, MTIME, null, 0, 0, 0, List.of()),
                new ByTheDoc.Entry(1, "docs", 0750, MTIME, null, 0, 0, 0, List.of()),
                new ByTheDoc.Entry(2, FILE, 0640, MTIME, null, one.length + two.length, CTIME, INODE, refs),
                new ByTheDoc.Entry(3, LINK, 0777, MTIME, FILE, 0, 0, 0, List.of())),
                0, 0, 0, 0, 0, List.of());
        write(manifest(store, VAULT, ITEM, POINT),
                ByTheDoc.sealManifestLayer(ByTheDoc.manifestKey(VDK), 0, VAULT, ITEM, POINT, nonce(3), manifest.encode()));
        write(dataKeyFile(store, VAULT), dataKeyText(VAULT, KEK_ID, "RSA-OAEP-256",
                ByTheDoc.rsaOaep256Wrap(kek.getPublic(), VDK), false));
    }

    private static void writeInfraVault(Path store) throws IOException {
        byte[] chunkKey = ByTheDoc.chunkKey(INFRA_VDK);
        byte[] infrastructureKey = ByTheDoc.infrastructureKey(PLATFORM_KEY, INFRA_VAULT);
        byte[] id0 = ByTheDoc.chunkId(INFRA_VDK, DISK_BLOCK_0);
        byte[] id2 = ByTheDoc.chunkId(INFRA_VDK, DISK_BLOCK_2);
        byte[] blob0 = ByTheDoc.sealChunkLayer(infrastructureKey, 2, INFRA_VAULT, id0, nonce(5),
                ByTheDoc.sealChunkLayer(chunkKey, 0, INFRA_VAULT, id0, nonce(4), DISK_BLOCK_0));
        byte[] blob2 = ByTheDoc.sealChunkLayer(infrastructureKey, 2, INFRA_VAULT, id2, nonce(7),
                ByTheDoc.sealChunkLayer(chunkKey, 0, INFRA_VAULT, id2, nonce(6), DISK_BLOCK_2));
        write(pack(store, INFRA_VAULT, INFRA_PACK), ByTheDoc.concat(blob0, blob2));

        List<ByTheDoc.Ref> blocks = java.util.Arrays.asList(
                new ByTheDoc.Ref(id0, INFRA_PACK, 0, blob0.length, DISK_BLOCK_0.length), null,
                new ByTheDoc.Ref(id2, INFRA_PACK, blob0.length, blob2.length, DISK_BLOCK_2.length));
        ByTheDoc.ManifestText manifest = new ByTheDoc.ManifestText(2, INFRA_VAULT, INFRA_ITEM, INFRA_POINT, CREATED, List.of(),
                diskImage().length, MTIME, CTIME, INODE + 1, DISK_BLOCK, blocks);
        byte[] inner = ByTheDoc.sealManifestLayer(ByTheDoc.manifestKey(INFRA_VDK), 0, INFRA_VAULT, INFRA_ITEM, INFRA_POINT,
                nonce(8), manifest.encode());
        write(manifest(store, INFRA_VAULT, INFRA_ITEM, INFRA_POINT),
                ByTheDoc.sealManifestLayer(infrastructureKey, 2, INFRA_VAULT, INFRA_ITEM, INFRA_POINT, nonce(9), inner));
        write(dataKeyFile(store, INFRA_VAULT), dataKeyText(INFRA_VAULT, "platform", "platform-seal-v1",
                ByTheDoc.platformSeal(PLATFORM_KEY, PLATFORM_KEY_ID, nonce(0), "vault/" + INFRA_VAULT + "/data-key", INFRA_VDK),
                true));
    }

    private static void writeZstdVault(Path store) throws IOException {
        byte[] chunkKey = ByTheDoc.chunkKey(ZSTD_VDK);
        byte[] one = ZSTD_CHUNK_1.getBytes(StandardCharsets.UTF_8);
        byte[] two = ZSTD_CHUNK_2.getBytes(StandardCharsets.UTF_8);
        byte[] id1 = ByTheDoc.chunkId(ZSTD_VDK, one);
        byte[] id2 = ByTheDoc.chunkId(ZSTD_VDK, two);
        byte[] blob1 = ByTheDoc.sealChunkLayer(chunkKey, 2, 1, ZSTD_VAULT, id1, nonce(31), ByTheDoc.zstdCompress(one));
        byte[] blob2 = ByTheDoc.sealChunkLayer(chunkKey, 2, 0, ZSTD_VAULT, id2, nonce(32), two);
        write(pack(store, ZSTD_VAULT, ZSTD_PACK), ByTheDoc.concat(blob1, blob2));

        List<ByTheDoc.Ref> refs = List.of(new ByTheDoc.Ref(id1, ZSTD_PACK, 0, blob1.length, one.length),
                new ByTheDoc.Ref(id2, ZSTD_PACK, blob1.length, blob2.length, two.length));
        ByTheDoc.ManifestText manifest = new ByTheDoc.ManifestText(1, ZSTD_VAULT, ZSTD_ITEM, ZSTD_POINT, CREATED, List.of(
                new ByTheDoc.Entry(1, "", 0755, MTIME, null, 0, 0, 0, List.of()),
                new ByTheDoc.Entry(2, ZSTD_FILE, 0644, MTIME, null, one.length + two.length, CTIME, INODE + 2, refs)),
                0, 0, 0, 0, 0, List.of());
        write(manifest(store, ZSTD_VAULT, ZSTD_ITEM, ZSTD_POINT),
                ByTheDoc.sealManifestLayer(ByTheDoc.manifestKey(ZSTD_VDK), 0, ZSTD_VAULT, ZSTD_ITEM, ZSTD_POINT, nonce(33),
                        manifest.encode()));
        write(dataKeyFile(store, ZSTD_VAULT), dataKeyText(ZSTD_VAULT, "platform", "platform-seal-v1",
                ByTheDoc.platformSeal(PLATFORM_KEY, PLATFORM_KEY_ID, nonce(30), "vault/" + ZSTD_VAULT + "/data-key", ZSTD_VDK),
                false));
    }

    private static byte[] dataKeyText(String vault, String wrappedBy, String algorithm, byte[] wrapped, boolean infrastructure) {
        return lines("# Strongroom vault data key, wrapped; see docs/format.md", "format=1", "vault=" + vault,
                "wrappedBy=" + wrappedBy.replace(":", "\\:"), "algorithm=" + algorithm,
                "wrappedDataKey=" + Base64.getEncoder().encodeToString(wrapped),
                "infrastructureEncryption=" + (infrastructure ? "Enabled" : "Disabled"));
    }

    private static void writeKeystore(Path file) throws Exception {
        char[] password = PLATFORM_KEYSTORE_PASSWORD.toCharArray();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, password);
        keystore.setEntry(PLATFORM_KEY_ID, new KeyStore.SecretKeyEntry(new SecretKeySpec(PLATFORM_KEY, "AES")),
                new KeyStore.PasswordProtection(password));
        Files.createDirectories(file.getParent());
        try (OutputStream stream = Files.newOutputStream(file)) {
            keystore.store(stream, password);
        }
    }

    private static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
