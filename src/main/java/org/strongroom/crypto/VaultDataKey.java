package org.strongroom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;

/**
 * A vault's data key (VDK) in the clear, for the duration of one job, with the keys derived from it:
 * <pre>
 *   chunk key    = HKDF-SHA-256(VDK, "strongroom/chunk-encryption", 32)   AES-256-GCM of chunks
 *   id key       = HKDF-SHA-256(VDK, "strongroom/chunk-id", 32)           HMAC-SHA-256 chunk ids
 *   manifest key = HKDF-SHA-256(VDK, "strongroom/manifest", 32)           AES-256-GCM of manifests
 *   gear table   = HKDF-SHA-256(VDK, "strongroom/chunk-boundaries", 2048)  256 big-endian 64-bit words:
 *                  where content-defined chunking cuts, so that chunk sizes differ from vault to vault
 * </pre>
 * plus, when the vault has infrastructure encryption, the infrastructure key derived from the platform
 * key for this vault ({@link PlatformKey#derive}). Close it when the job ends: every derived key is zeroed.
 *
 * <p>Manifest, format 2 (format 1, the same without compression, is still read):
 * {@code 0x02 | flags | nonce (12) | ciphertext | tag (16)}, AES-256-GCM under the manifest key (then,
 * with flags 0x02, sealed again the same way under the infrastructure key); flags 0x01 on the inner layer:
 * its content is a zstd frame of the manifest; associated data
 * {@code "strongroom-manifest-v1" 0x00 | vault 0x00 | item 0x00 | recovery point id}, then the 2 header bytes.
 */
public final class VaultDataKey implements AutoCloseable {

    /** The generation of the vault data key; rotation of the KEK never changes it. */
    public static final int EPOCH = 1;

    private static final byte MANIFEST_FORMAT_1 = 1;
    private static final byte MANIFEST_FORMAT = 2;
    /** Flags of a manifest's inner layer in format 2: its content is a zstd frame of the manifest. */
    private static final byte MANIFEST_COMPRESSED = 1;
    private static final byte[] MANIFEST_DOMAIN = "strongroom-manifest-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private final String vault;
    private final KeyMaterial chunkKey;
    private final KeyMaterial idKey;
    private final KeyMaterial manifestKey;
    private final KeyMaterial infrastructureKey;
    private final long[] chunkBoundaryTable = new long[256];
    private final SecureRandom random = new SecureRandom();

    private VaultDataKey(String vault, KeyMaterial vdk, KeyMaterial infrastructureKey) {
        this.vault = vault;
        this.chunkKey = Hkdf.derive(vdk, "strongroom/chunk-encryption", 32);
        this.idKey = Hkdf.derive(vdk, "strongroom/chunk-id", 32);
        this.manifestKey = Hkdf.derive(vdk, "strongroom/manifest", 32);
        this.infrastructureKey = infrastructureKey;
        try (KeyMaterial table = Hkdf.derive(vdk, "strongroom/chunk-boundaries", chunkBoundaryTable.length * Long.BYTES)) {
            ByteBuffer.wrap(table.bytes()).asLongBuffer().get(chunkBoundaryTable);
        }
    }

    /**
     * The gear table of this vault's content-defined chunking: secret like the keys, so that the sizes of
     * a file's chunks — and of its blobs in the store — give no clue to the file in another vault or
     * installation (as restic and borg seed their chunkers per repository).
     */
    public long[] chunkBoundaryTable() {
        return chunkBoundaryTable.clone();
    }

    /**
     * The keys of {@code vault} from its unwrapped data key (which the caller keeps and closes);
     * {@code infrastructureKey} is {@code null} without infrastructure encryption, else owned by this object.
     */
    public static VaultDataKey of(String vault, KeyMaterial vdk, KeyMaterial infrastructureKey) {
        return new VaultDataKey(vault, vdk, infrastructureKey);
    }

    /** The platform seal context of a platform-managed vault's data key (docs/format.md). */
    public static String platformSealContext(String vault) {
        return "vault/" + vault + "/data-key";
    }

    /** The context of a vault's infrastructure-layer key, derived from the platform key (docs/format.md). */
    public static String infrastructureContext(String vault) {
        return "infrastructure-encryption/" + vault;
    }

    /** A chunk sealer for one thread. */
    public ChunkSealer newSealer() {
        return new ChunkSealer(vault, EPOCH, chunkKey.bytes(), idKey.bytes(),
                infrastructureKey == null ? null : infrastructureKey.bytes());
    }

    public boolean hasInfrastructureLayer() {
        return infrastructureKey != null;
    }

    /**
     * Seals a manifest: compressed (zstd, as chunks) where that makes it smaller — manifests are lists of
     * names and chunk references and shrink several times — in format 2; see the class comment.
     */
    public byte[] sealManifest(byte[] plaintext, String item, String recoveryPointId) {
        byte[] aad = manifestAad(item, recoveryPointId);
        byte[] compressed = Zstd.compress(plaintext, ChunkSealer.COMPRESSION_LEVEL);
        boolean smaller = compressed.length < plaintext.length;
        byte[] inner = sealManifestLayer(manifestKey, smaller ? MANIFEST_COMPRESSED : 0, smaller ? compressed : plaintext, aad);
        return infrastructureKey == null ? inner : sealManifestLayer(infrastructureKey, (byte) 2, inner, aad);
    }

    /** Opens a sealed manifest of format 1 or 2. */
    public byte[] openManifest(byte[] sealed, String item, String recoveryPointId) {
        byte[] aad = manifestAad(item, recoveryPointId);
        byte[] inner = infrastructureKey == null ? sealed : openManifestLayer(infrastructureKey, (byte) 2, sealed, aad);
        if (infrastructureKey == null && sealed.length > 1 && sealed[1] == 2) {
            throw new IntegrityException("Manifest of " + recoveryPointId + " has an infrastructure layer this vault does not expect");
        }
        boolean compressed = inner.length > 1 && inner[0] == MANIFEST_FORMAT && inner[1] == MANIFEST_COMPRESSED;
        byte[] content = openManifestLayer(manifestKey, compressed ? MANIFEST_COMPRESSED : 0, inner, aad);
        return compressed ? decompressManifest(content, recoveryPointId) : content;
    }

    private static byte[] decompressManifest(byte[] frame, String recoveryPointId) {
        try (ZstdDecompressCtx context = new ZstdDecompressCtx()) {
            return ZstdFrames.decompress(context, frame, Integer.MAX_VALUE - 8, "Manifest of " + recoveryPointId);
        }
    }

    private byte[] manifestAad(String item, String recoveryPointId) {
        byte[] names = (vault + "\0" + item + "\0" + recoveryPointId).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MANIFEST_DOMAIN.length + names.length).put(MANIFEST_DOMAIN).put(names).array();
    }

    private byte[] sealManifestLayer(KeyMaterial key, byte flags, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(aad);
            cipher.updateAAD(new byte[] {MANIFEST_FORMAT, flags});
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + NONCE + ciphertext.length).put(MANIFEST_FORMAT).put(flags).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing a manifest failed", e);
        }
    }

    private byte[] openManifestLayer(KeyMaterial key, byte flags, byte[] sealed, byte[] aad) {
        boolean known = sealed.length >= 2 + NONCE + TAG && sealed[1] == flags
                && (sealed[0] == MANIFEST_FORMAT || sealed[0] == MANIFEST_FORMAT_1 && flags != MANIFEST_COMPRESSED);
        if (!known) {
            throw new IntegrityException("Manifest is truncated or has an unknown header");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(TAG * 8, sealed, 2, NONCE));
            cipher.updateAAD(aad);
            cipher.updateAAD(sealed, 0, 2);
            return cipher.doFinal(sealed, 2 + NONCE, sealed.length - 2 - NONCE);
        } catch (AEADBadTagException e) {
            throw new IntegrityException("Manifest failed authentication (altered, moved or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening a manifest failed", e);
        }
    }

    @Override
    public void close() {
        java.util.Arrays.fill(chunkBoundaryTable, 0);
        chunkKey.close();
        idKey.close();
        manifestKey.close();
        if (infrastructureKey != null) {
            infrastructureKey.close();
        }
    }
}
