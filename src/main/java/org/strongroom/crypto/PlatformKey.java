package org.strongroom.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform master key: an AES-256 key kept outside the database, in a PKCS#12 keystore, that seals
 * what Strongroom must store but nobody may read from the database — private key material of the
 * built-in key vault, vault data keys of platform-managed vaults, the second encryption layer.
 *
 * <p>The keystore is {@code STRONGROOM_MASTER_KEYSTORE} (default
 * {@code ${jboss.server.config.dir}/strongroom/platform-master-key.p12}): outside the data directory, so
 * that a copy of the data (database and store) does not carry the key that opens it. Its password is
 * {@code STRONGROOM_MASTER_KEYSTORE_PASSWORD}, or else a strong one generated at first start and kept
 * in the file {@code <keystore>.password} beside it; there is no default password. Both files are
 * created readable by their owner only. Every node of a cluster must be given the same keystore.
 *
 * <p>Sealed format (version 1):
 * <pre>
 *   0x01 | key id length (1 byte) | key id (ASCII) | nonce (12 bytes) | AES-256-GCM ciphertext and 16-byte tag
 * </pre>
 * The associated data is {@code "strongroom-platform-seal-v1" 0x00 context}: a sealed value opens only in
 * the context it was sealed for (e.g. the key version it belongs to), so values cannot be swapped.
 *
 * <p>Security guarantees: confidentiality and integrity of each sealed value under AES-256-GCM with a
 * random 96-bit nonce; a value altered, truncated, moved to another context or opened with another
 * master key fails with {@link IntegrityException}.
 *
 * <p>Or the key lives on a PKCS#11 token ({@link #onToken}, {@code STRONGROOM_PLATFORM_KEY}): sealing and opening
 * then run on the token, and no file on the server's disk holds a platform secret.
 *
 * <p>Longer than 300 lines on purpose: the keystore's whole life (generated password, owner-only creation
 * racing other nodes, legacy location) sits beside the seal it protects.
 */
@ApplicationScoped
public class PlatformKey {

    /** Beside the keystore, the file that holds its generated password. */
    public static final String PASSWORD_FILE_SUFFIX = ".password";

    /**
     * The password of a keystore created at the old default place (the data directory) by a version
     * before generated passwords; used only to open such a keystore, with a warning to move it.
     */
    private static final char[] LEGACY_PASSWORD = "strongroom".toCharArray();

    private static final Logger LOG = Logger.getLogger(PlatformKey.class.getName());
    private static final byte FORMAT = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String ALIAS_PREFIX = "platform-key-";
    private static final byte[] AAD_PREFIX = "strongroom-platform-seal-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Every key of the keystore by id, in alias number order; the last one seals, the first derives. */
    private Map<String, SecretKey> keys;
    private String currentKeyId;
    /** The PKCS#11 token the key lives on, or {@code null} for a keystore file. */
    private Provider token;

    /** Loads (or creates) the configured keystore, or opens the key on the configured token; for the server. */
    @PostConstruct
    void init() {
        String onToken = System.getenv("STRONGROOM_PLATFORM_KEY");
        if (onToken != null && !onToken.isBlank()) {
            loadFromToken(onToken, System.getenv("STRONGROOM_PLATFORM_KEY_MODULE"), System.getenv("STRONGROOM_PLATFORM_KEY_SLOT"),
                    System.getenv("STRONGROOM_PLATFORM_KEY_PIN_FILE"));
            return;
        }
        Path configDir = Path.of(System.getProperty("jboss.server.config.dir", "."));
        Path dataDir = Path.of(System.getProperty("jboss.server.data.dir", "."));
        String configured = System.getenv("STRONGROOM_MASTER_KEYSTORE");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured) : defaultLocation(configDir);
        Path legacy = dataDir.resolve("strongroom").resolve("platform-master-key.p12");
        if ((configured == null || configured.isBlank()) && Files.notExists(path) && Files.exists(legacy)) {
            LOG.warning(() -> "Using the platform master keystore " + legacy + " with its old default password: it lies in the "
                    + "data directory, next to the data it protects. Move it out (STRONGROOM_MASTER_KEYSTORE) and give it a "
                    + "password of its own (docs/operations.md)");
            load(legacy, LEGACY_PASSWORD, false);
            return;
        }
        loadForServer(path, System.getenv("STRONGROOM_MASTER_KEYSTORE_PASSWORD"));
    }

    /**
     * The platform key on a PKCS#11 token ({@code STRONGROOM_PLATFORM_KEY=pkcs11:token=...;object=<label>}): an
     * AES-256 secret key that never leaves the token, which seals and opens (AES-GCM on the token) and derives
     * ({@link #derive}). The server's disk then holds no platform secret: the token and its PIN do.
     */
    public static PlatformKey onToken(String keyUri, String modulePath, int slotListIndex, char[] pin) {
        PlatformKey key = new PlatformKey();
        String label = objectOf(keyUri);
        Pkcs11Token opened = Pkcs11Token.open("strongroom-platform-key", modulePath, slotListIndex, pin);
        SecretKey secret = opened.secretKey(label).orElseThrow(() -> new IllegalStateException("The token in slot "
                + slotListIndex + " of " + modulePath + " holds no AES key labelled '" + label + "' (STRONGROOM_PLATFORM_KEY)"));
        if (!"AES".equalsIgnoreCase(secret.getAlgorithm()) || secret.getEncoded() != null) {
            throw new IllegalStateException("The platform key '" + label + "' on the token must be an AES key that cannot "
                    + "leave it (sensitive, not extractable)");
        }
        key.keys = new LinkedHashMap<>(Map.of("pkcs11-" + label, secret));
        key.currentKeyId = "pkcs11-" + label;
        key.token = opened.provider();
        return key;
    }

    private void loadFromToken(String keyUri, String modulePath, String slot, String pinFile) {
        if (modulePath == null || modulePath.isBlank() || pinFile == null || pinFile.isBlank()) {
            throw new IllegalStateException("STRONGROOM_PLATFORM_KEY names a key on a token: STRONGROOM_PLATFORM_KEY_MODULE "
                    + "(the PKCS#11 module) and STRONGROOM_PLATFORM_KEY_PIN_FILE (a file holding the PIN) are needed too");
        }
        char[] pin;
        try {
            pin = Files.readString(Path.of(pinFile), StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the platform key's PIN file " + pinFile + ": " + e.getMessage(), e);
        }
        try {
            PlatformKey loaded = onToken(keyUri, modulePath, slot == null || slot.isBlank() ? 0 : Integer.parseInt(slot.strip()), pin);
            keys = loaded.keys;
            currentKeyId = loaded.currentKeyId;
            token = loaded.token;
            LOG.info(() -> "The platform key is " + keyUri + " on the PKCS#11 token (module " + modulePath + ")");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The {@code object} attribute of a PKCS#11 URI (RFC 7512), percent-decoded. */
    private static String objectOf(String keyUri) {
        if (keyUri == null || !keyUri.regionMatches(true, 0, "pkcs11:", 0, 7) || keyUri.contains("?")) {
            throw new IllegalStateException("STRONGROOM_PLATFORM_KEY must be a PKCS#11 URI: pkcs11:token=<label>;object=<label>");
        }
        for (String attribute : keyUri.substring(7).split(";")) {
            if (attribute.startsWith("object=") && attribute.length() > 7) {
                return URLDecoder.decode(attribute.substring(7).replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("STRONGROOM_PLATFORM_KEY names no object (the key's label): " + keyUri);
    }

    /** A cipher of the platform key's provider: the token's, or the JDK's for a keystore file. */
    private Cipher cipher(String transformation) throws GeneralSecurityException {
        return token == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, token);
    }

    /** Where the server keeps its keystore unless told otherwise: its configuration directory. */
    public static Path defaultLocation(Path serverConfigDir) {
        return serverConfigDir.resolve("strongroom").resolve("platform-master-key.p12");
    }

    /**
     * The server's keystore at {@code path}: opened with {@code password} when one is configured, else with
     * the password kept beside it; created at first start with a generated password when there is none.
     */
    static PlatformKey forServer(Path path, String password) {
        PlatformKey key = new PlatformKey();
        key.loadForServer(path, password);
        return key;
    }

    private void loadForServer(Path path, String configuredPassword) {
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            load(path, configuredPassword.toCharArray(), true);
            return;
        }
        Path passwordFile = passwordFile(path);
        try {
            if (Files.notExists(path) && Files.notExists(passwordFile)) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                setOwnerOnlyDirectory(path.toAbsolutePath().getParent());
                writeOwnerOnly(passwordFile, new String(generatedPassword()));
                LOG.info(() -> "Generated the platform keystore's password, kept owner-only in " + passwordFile
                        + " (or set STRONGROOM_MASTER_KEYSTORE_PASSWORD)");
            }
            if (Files.notExists(passwordFile)) {
                throw new IllegalStateException("The platform keystore " + path + " has no password file " + passwordFile
                        + ": set STRONGROOM_MASTER_KEYSTORE_PASSWORD");
            }
            load(path, Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray(), true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the platform keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file beside a keystore that holds its generated password. */
    public static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + PASSWORD_FILE_SUFFIX);
    }

    /** 43 characters of base64url from 32 random bytes: 256 bits. */
    private static char[] generatedPassword() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    /** The key of an existing keystore file, e.g. for offline recovery. */
    public static PlatformKey fromKeyStore(Path path, char[] password) {
        PlatformKey key = new PlatformKey();
        key.load(path, password, false);
        return key;
    }

    /** A key created at {@code path} if none is there yet, loaded if one is. */
    public static PlatformKey createOrLoad(Path path, char[] password) {
        PlatformKey key = new PlatformKey();
        key.load(path, password, true);
        return key;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Seals {@code plaintext} for {@code context}. */
    public byte[] seal(byte[] plaintext, String context) {
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + keyId.length + NONCE_LENGTH + ciphertext.length)
                    .put(FORMAT).put((byte) keyId.length).put(keyId).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing with the platform key failed", e);
        }
    }

    /** Opens a value sealed for {@code context}. */
    public KeyMaterial open(byte[] sealed, String context) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        if (sealed.length < 2 || in.get() != FORMAT) {
            throw new IntegrityException("Not a value sealed with the platform key (" + context + ")");
        }
        int keyIdLength = in.get() & 0xff;
        if (in.remaining() < keyIdLength + NONCE_LENGTH + TAG_BITS / 8) {
            throw new IntegrityException("Sealed value is truncated (" + context + ")");
        }
        byte[] keyIdBytes = new byte[keyIdLength];
        in.get(keyIdBytes);
        String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IntegrityException("Sealed with platform key '" + keyId + "', which this keystore lacks ("
                    + context + ")");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        try {
            Cipher cipher = cipher("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            return KeyMaterial.wrap(cipher.doFinal(sealed, in.position(), in.remaining()));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IntegrityException("Sealed value failed authentication (" + context + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening with the platform key failed", e);
        }
    }

    /**
     * A key for {@code context} derived (HKDF-SHA-256) from the keystore's first platform key, which
     * never changes even when newer keys are added: e.g. the key of a vault's infrastructure encryption
     * layer, which must open every chunk ever written. Close it when done.
     */
    public KeyMaterial derive(String context) {
        String first = keys.keySet().iterator().next();
        if (token != null) {
            return deriveOnToken(keys.get(first), context);
        }
        try (KeyMaterial platform = KeyMaterial.copyOf(keys.get(first).getEncoded())) {
            return Hkdf.derive(platform, "strongroom-platform-derived/" + context, 32);
        }
    }

    /**
     * A key on a token cannot be read, so HKDF cannot take it: the token's AES is the pseudo-random function
     * instead. Block {@code i} (1, 2) of the 32 bytes is {@code AES-256(k, first 16 bytes of SHA-256(i | 0x00 |
     * "strongroom-platform-derived/" context))}: distinct contexts give distinct inputs, and AES under a secret
     * key is indistinguishable from a random function on so few of them.
     */
    private KeyMaterial deriveOnToken(SecretKey key, String context) {
        try {
            Cipher aes = cipher("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key);
            byte[] out = new byte[32];
            for (int block = 1; block <= 2; block++) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update((byte) block);
                sha256.update((byte) 0);
                sha256.update(("strongroom-platform-derived/" + context).getBytes(StandardCharsets.UTF_8));
                byte[] input = Arrays.copyOf(sha256.digest(), 16);
                System.arraycopy(aes.doFinal(input), 0, out, (block - 1) * 16, 16);
            }
            return KeyMaterial.wrap(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Deriving with the platform key on the token failed", e);
        }
    }

    private static byte[] aad(String context) {
        byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(AAD_PREFIX.length + contextBytes.length).put(AAD_PREFIX).put(contextBytes).array();
    }

    private void load(Path path, char[] password, boolean createIfMissing) {
        try {
            if (Files.notExists(path)) {
                if (!createIfMissing) {
                    throw new IllegalArgumentException("No platform keystore at " + path);
                }
                create(path, password);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password);
            }
            Map<Integer, String> aliases = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(ALIAS_PREFIX) && store.isKeyEntry(alias)) {
                    aliases.put(Integer.parseInt(alias.substring(ALIAS_PREFIX.length())), alias);
                }
            }
            if (aliases.isEmpty()) {
                throw new IllegalStateException("The platform keystore " + path + " holds no " + ALIAS_PREFIX + "N key");
            }
            Map<String, SecretKey> loaded = new LinkedHashMap<>();
            for (String alias : aliases.values()) {
                loaded.put(alias, (SecretKey) store.getKey(alias, password));
                currentKeyId = alias;
            }
            keys = loaded;
        } catch (IOException | GeneralSecurityException | NumberFormatException e) {
            throw new IllegalStateException("Cannot load the platform keystore " + path
                    + " (is STRONGROOM_MASTER_KEYSTORE_PASSWORD right?): " + e.getMessage(), e);
        }
    }

    /** Writes a new keystore with one fresh key, owner-only, atomically (another node may race us). */
    private static void create(Path path, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, RANDOM);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(ALIAS_PREFIX + 1, new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(password));
        Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), ".platform-key", ".tmp");
        try {
            setOwnerOnly(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            // A hard link appears atomically and fails if the name exists: a racing node's key is kept.
            Files.createLink(path, temporary);
            LOG.info(() -> "Created the platform master keystore " + path + " (owner-only); back it up apart from the database");
        } catch (FileAlreadyExistsException raced) {
            LOG.info(() -> "Another process created the platform master keystore " + path + " first; using it");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code text} to a new file readable by its owner only (refused if the file exists). */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".platform-key", ".tmp");
        try {
            setOwnerOnly(temporary);
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void setOwnerOnlyDirectory(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning(() -> "Cannot restrict permissions of " + directory + " on this file system");
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning(() -> "Cannot restrict permissions of " + file + " on this file system");
        }
    }
}
