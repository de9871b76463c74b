package org.strongroom.restore.tool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.Pkcs11Token;
import org.strongroom.crypto.PrivateKeys;
import org.strongroom.crypto.Rsa;
import org.strongroom.crypto.SealedDisk;
import org.strongroom.crypto.VaultDataKey;
import org.strongroom.crypto.WrapAlgorithm;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Pkcs11Uri;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.restore.domain.RestorePaths;
import org.strongroom.restore.infra.FileTreeWriter;
import org.strongroom.storage.app.RecoveryPointReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.StoreDamagedException;
import org.strongroom.storage.domain.WrappedDataKeyFile;
import org.strongroom.storage.domain.VaultStore;
import org.strongroom.storage.infra.AzureBlobObjectStore;
import org.strongroom.storage.infra.S3ObjectStore;
import org.strongroom.storage.infra.FileSystemChunkStore;

/**
 * Break-glass recovery without the server or its database (docs/recovery.md): with the chunk store's
 * files and the customer's own private key (or the platform keystore), list what the store holds,
 * restore a recovery point, or open a sealed disk. Built as {@code target/strongroom-recover.jar}.
 *
 * <pre>
 *   java -jar strongroom-recover.jar list --store DIR [--vault NAME] [--key FILE] [--platform-keystore FILE [--platform-password PW]]
 *        (instead of --store DIR, a vault's Azure Blob container:
 *         --azure-blob ENDPOINT --account NAME --container NAME --account-key-file FILE,
 *         or its S3 bucket: --s3 ENDPOINT [--region REGION] --bucket NAME --access-key-id ID --secret-access-key-file FILE)
 *   java -jar strongroom-recover.jar recover --store DIR --vault NAME --point ID --out PATH
 *        [--key private.pem|key.jwk|pkcs11:token=T;object=K --pkcs11-module SO --pkcs11-pin-file FILE [--pkcs11-slot N]]
 *        [--platform-keystore FILE [--platform-password PW]] [--paths a,b] [--overwrite]
 *   java -jar strongroom-recover.jar unseal --in disk.sealed --out disk.img
 *        [--key private.pem|key.jwk] [--platform-keystore FILE [--platform-password PW]] [--overwrite]
 * </pre>
 * Exit status: 0 done, 1 an input or output problem, 2 a wrong key or damaged data, 64 a usage error.
 *
 * <p>Longer than 300 lines on purpose: a self-contained command-line tool (parsing, three commands, help),
 * built into its own jar with no server around it.
 */
public final class RecoveryTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int WRONG_KEY_OR_DAMAGED = 2;
    static final int USAGE = 64;

    private static final String HELP = """
            Strongroom offline recovery: no server, no database, only the chunk store and your key.
            The store is the server's STRONGROOM_STORE_DIR (by default standalone/data/strongroom/store).

              list --store DIR [--vault NAME] [--key FILE] [--platform-keystore FILE [--platform-password PW]]
                  Lists the vaults the store holds, the key that wraps each vault's data key, their items and
                  recovery points. Manifests are encrypted: a point's time and size show when the key that opens
                  its vault is given (--key, or the platform keystore for a platform-managed vault).

              recover --store DIR --vault NAME --point ID --out PATH
                      [--key FILE] [--platform-keystore FILE [--platform-password PW]] [--paths P1,P2] [--overwrite]
                  Restores a recovery point: a Files point as a directory tree at PATH, a Disk point as a
                  plain disk image file at PATH. --key is the RSA private key (PEM or JWK) that wraps the
                  vault's data key, or its PKCS#11 URI (pkcs11:token=T;object=K) with --pkcs11-module SO,
                  --pkcs11-pin-file FILE and --pkcs11-slot N (0): the key stays on the token. A platform
                  key on a token: --platform-key pkcs11:token=T;object=K with the same --pkcs11-* options; the platform keystore is needed for a platform-managed vault and for
                  one with infrastructure encryption (its password: --platform-password, else the file the
                  server keeps beside it, platform-master-key.p12.password). --paths restores selected paths
                  of a Files point; --overwrite replaces existing files.

              Instead of --store DIR, a vault kept in object storage is read where it is (only read):
                  --azure-blob ENDPOINT --account NAME --container NAME --account-key-file FILE
                  --s3 ENDPOINT [--region REGION (us-east-1)] --bucket NAME --access-key-id ID --secret-access-key-file FILE
                  (keys in files, never on the command line).

              unseal --in SEALED --out IMAGE [--key FILE] [--platform-keystore FILE [--platform-password PW]] [--overwrite]
                  Opens a disk that a Strongroom restore wrote sealed: with the disk encryption set's private
                  key, or the platform keystore when the platform key sealed it.

            Exit status: 0 done, 1 an input or output problem, 2 a wrong key or damaged data, 64 a usage error.
            """;

    private static final Set<String> FLAGS = Set.of("overwrite");

    private RecoveryTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; answers the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(HELP);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
            switch (args[0]) {
                case "list" -> list(options, out);
                case "recover" -> recover(options, out);
                case "unseal" -> unseal(options, out);
                default -> throw new UsageException("Unknown command '" + args[0] + "'");
            }
            return OK;
        } catch (UsageException e) {
            err.println("strongroom-recover: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        } catch (IntegrityException | StoreDamagedException e) {
            err.println("strongroom-recover: " + e.getMessage());
            return WRONG_KEY_OR_DAMAGED;
        } catch (StrongroomException | IllegalArgumentException | IllegalStateException e) {
            err.println("strongroom-recover: " + e.getMessage());
            return FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("strongroom-recover: " + e.getMessage());
            return FAILED;
        }
    }

    /** What the store holds: vaults, items, recovery points; times and sizes where the given keys open a vault. */
    private static void list(Map<String, String> options, PrintStream out) throws IOException {
        Located located = storeOf(options);
        ChunkStore store = located.store();
        String storeDir = located.name();
        List<VaultName> vaults = options.containsKey("vault") ? List.of(VaultName.of(options.get("vault"))) : store.vaults();
        if (vaults.isEmpty()) {
            out.println("The store " + storeDir + " holds no vault (no vaults/*/data-key.properties)");
            return;
        }
        for (VaultName vault : vaults) {
            WrappedDataKeyFile dataKeyFile = store.readDataKey(vault).orElseThrow(() -> new IllegalArgumentException(
                    "The store " + storeDir + " holds no vault '" + vault + "' (no vaults/" + vault + "/data-key.properties)"));
            out.println("vault " + vault + ": data key wrapped by " + (dataKeyFile.wrappedByPlatform() ? "the platform key"
                    : dataKeyFile.wrappedBy() + " (" + dataKeyFile.algorithm() + ")") + "; infrastructure encryption "
                    + (dataKeyFile.infrastructureEncryption() ? "Enabled" : "Disabled"));
            Map<String, List<String>> points = new TreeMap<>();
            store.manifests(vault).forEach(m -> points.computeIfAbsent(m.item(), i -> new ArrayList<>()).add(m.recoveryPointId()));
            try (Opened opened = open(vault, dataKeyFile, options)) {
                if (opened.keys() == null) {
                    out.println("  (" + opened.why() + ")");
                }
                points.forEach((item, ids) -> {
                    out.println("  item " + item);
                    listPoints(store, opened, vault, item, ids, out);
                });
            }
        }
    }

    private static void listPoints(ChunkStore store, Opened opened, VaultName vault, String item, List<String> ids, PrintStream out) {
        if (opened.keys() == null) {
            ids.stream().sorted().forEach(id -> out.println("    " + id));
            return;
        }
        List<Manifest> manifests = new ArrayList<>();
        for (String id : ids) {
            try (RecoveryPointReader reader = new RecoveryPointReader(store, opened.keys(), ItemRef.of(vault, item), id)) {
                manifests.add(reader.manifest());
            } catch (IntegrityException | StoreDamagedException e) {
                out.println("    " + id + "  cannot be read: " + e.getMessage());
            }
        }
        manifests.sort(Comparator.comparingLong(Manifest::createdMillis));
        for (Manifest manifest : manifests) {
            out.println("    " + manifest.recoveryPointId() + "  " + Instant.ofEpochMilli(manifest.createdMillis()) + "  "
                    + describe(manifest));
        }
    }

    private static String describe(Manifest manifest) {
        if (manifest.kind() == Manifest.Kind.DISK) {
            return "Disk, " + manifest.disk().size() + " bytes";
        }
        List<Manifest.Entry> files = manifest.entries().stream().filter(e -> e.type() == Manifest.EntryType.FILE).toList();
        return "Files, " + files.size() + " files, " + files.stream().mapToLong(Manifest.Entry::size).sum() + " bytes";
    }

    /** A vault's keys, opened with what the options give; {@code keys} null (and {@code why} said) when they do not. */
    private record Opened(VaultDataKey keys, String why) implements AutoCloseable {
        @Override
        public void close() {
            if (keys != null) {
                keys.close();
            }
        }
    }

    private static Opened open(VaultName vault, WrappedDataKeyFile file, Map<String, String> options) {
        boolean platformNeeded = file.wrappedByPlatform() || file.infrastructureEncryption();
        if (platformNeeded && !options.containsKey("platform-keystore")) {
            return new Opened(null, "times and sizes: add --platform-keystore, this vault's data is protected by the platform key");
        }
        if (!file.wrappedByPlatform() && !options.containsKey("key")) {
            return new Opened(null, "times and sizes: add --key with the private key of " + file.wrappedBy());
        }
        PlatformKey platform = platformKey(options, platformNeeded);
        try (KeyMaterial dataKey = dataKey(file, options, platform)) {
            return new Opened(VaultDataKey.of(vault.value(), dataKey, file.infrastructureEncryption()
                    ? platform.derive(VaultDataKey.infrastructureContext(vault.value())) : null), null);
        } catch (IntegrityException e) {
            return new Opened(null, "times and sizes: the given key does not open this vault's data key (wrapped by "
                    + (file.wrappedByPlatform() ? "the platform key" : file.wrappedBy()) + ")");
        }
    }

    private static void recover(Map<String, String> options, PrintStream out) throws IOException {
        Located located = storeOf(options);
        String storeDir = located.name();
        VaultName vault = VaultName.of(required(options, "vault"));
        String point = required(options, "point");
        Path given = Path.of(required(options, "out")).toAbsolutePath().normalize();
        Path target = Files.exists(given) ? given.toRealPath() : given; // the directory you named, even through a link
        boolean overwrite = options.containsKey("overwrite");
        ChunkStore store = located.store();
        WrappedDataKeyFile dataKeyFile = store.readDataKey(vault).orElseThrow(() -> new IllegalArgumentException(
                "The store " + storeDir + " holds no vault '" + vault + "' (no vaults/" + vault + "/data-key.properties)"));
        String item = store.manifests(vault).stream().filter(m -> m.recoveryPointId().equals(point))
                .map(ChunkStore.ManifestName::item).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Vault '" + vault + "' has no recovery point " + point
                        + " in " + storeDir));
        PlatformKey platform = platformKey(options, dataKeyFile.wrappedByPlatform() || dataKeyFile.infrastructureEncryption());
        try (KeyMaterial dataKey = dataKey(dataKeyFile, options, platform);
             VaultDataKey keys = VaultDataKey.of(vault.value(), dataKey, dataKeyFile.infrastructureEncryption()
                     ? platform.derive(VaultDataKey.infrastructureContext(vault.value())) : null);
             RecoveryPointReader reader = new RecoveryPointReader(store, keys, ItemRef.of(vault, item), point)) {
            Manifest manifest = reader.manifest();
            if (manifest.kind() == Manifest.Kind.FILES) {
                List<String> paths = options.containsKey("paths")
                        ? RestorePaths.normalise(List.of(options.get("paths").split(","))) : List.of();
                FileTreeWriter.Result result = FileTreeWriter.write(FileTreeWriter.select(manifest, paths), target, overwrite,
                        "choose another --out, or add --overwrite to replace them", reader::chunk, (done, total) -> { }, Executors.defaultThreadFactory());
                out.println("Restored " + result.files() + " files, " + result.directories() + " directories and "
                        + result.links() + " links (" + result.bytes() + " bytes) of item '" + item + "', recovery point "
                        + point + ", to " + target);
            } else {
                writeImage(manifest.disk(), reader, target, overwrite);
                out.println("Restored the " + manifest.disk().size() + "-byte disk of item '" + item + "', recovery point "
                        + point + ", to " + target);
            }
        }
    }

    private static void unseal(Map<String, String> options, PrintStream out) throws IOException {
        Path sealed = existing(required(options, "in"));
        Path target = Path.of(required(options, "out")).toAbsolutePath().normalize();
        refuseExisting(target, options.containsKey("overwrite"));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), 1 << 20)) {
            SealedDisk.Header header = SealedDisk.Header.read(in);
            try (KeyMaterial diskKey = header.wrapping() == SealedDisk.Wrapping.KEY_VAULT
                    ? unwrapWithPrivateKey(options, header.wrappedKey(), "the disk (sealed by " + header.keyId() + ")")
                    : platformKey(options, true).open(header.wrappedKey(), SealedDisk.Header.platformContext(header.fileId()))) {
                writeAtomically(target, output -> SealedDisk.open(in, header, diskKey, output));
            }
            out.println("Unsealed " + header.size() + " bytes to " + target);
        }
    }

    private static KeyMaterial dataKey(WrappedDataKeyFile file, Map<String, String> options, PlatformKey platform) {
        if (file.wrappedByPlatform()) {
            return platform.open(file.wrappedDataKey(), VaultDataKey.platformSealContext(file.vault()));
        }
        if (!WrappedDataKeyFile.RSA_OAEP_256.equals(file.algorithm())) {
            throw new IllegalArgumentException("Unknown wrapping algorithm " + file.algorithm() + " in the data-key file");
        }
        return unwrapWithPrivateKey(options, file.wrappedDataKey(), "the data key of vault '" + file.vault()
                + "' (wrapped by " + file.wrappedBy() + ")");
    }

    private static KeyMaterial unwrapWithPrivateKey(Map<String, String> options, byte[] wrapped, String what) {
        if (!options.containsKey("key")) {
            throw new UsageException("--key is needed: " + what + " is wrapped by an RSA key");
        }
        if (options.get("key").regionMatches(true, 0, "pkcs11:", 0, 7)) {
            return unwrapOnToken(options, wrapped, what);
        }
        String text;
        try {
            text = Files.readString(existing(options.get("key")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file: " + e.getMessage(), e);
        }
        try (KeyMaterial privateKey = PrivateKeys.read(text)) {
            return Rsa.unwrap(privateKey, WrapAlgorithm.RSA_OAEP_256, wrapped);
        } catch (IntegrityException e) {
            throw new IntegrityException("The key in " + options.get("key") + " does not open " + what + ": wrong key?");
        }
    }

    /**
     * Unwraps with a key on a PKCS#11 token: {@code --key pkcs11:token=...;object=...}, the module
     * ({@code --pkcs11-module}), the token's place in its slot list ({@code --pkcs11-slot}, 0) and the PIN from
     * a file ({@code --pkcs11-pin-file}; never on the command line, where others see it).
     */
    private static KeyMaterial unwrapOnToken(Map<String, String> options, byte[] wrapped, String what) {
        Pkcs11Uri uri = Pkcs11Uri.parse(options.get("key")).orElseThrow(() -> new UsageException("--key "
                + options.get("key") + " is no PKCS#11 key URI: pkcs11:token=<label>;object=<label>"));
        String module = required(options, "pkcs11-module");
        char[] pin = pin(options);
        try {
            Pkcs11Token token = Pkcs11Token.open("strongroom-recover", module, slot(options), pin);
            Pkcs11Token.TokenKey key = token.key(uri.object()).orElseThrow(() -> new IllegalArgumentException("Token '"
                    + uri.token() + "' holds no RSA key labelled '" + uri.object() + "' (with its certificate)"));
            return token.unwrap(key, wrapped);
        } catch (IntegrityException e) {
            throw new IntegrityException("The key " + options.get("key") + " does not open " + what + ": wrong key?");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The token's PIN, from {@code --pkcs11-pin-file}. */
    private static char[] pin(Map<String, String> options) {
        try {
            return Files.readString(existing(required(options, "pkcs11-pin-file"))).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PIN file: " + e.getMessage(), e);
        }
    }

    private static int slot(Map<String, String> options) {
        try {
            return Integer.parseInt(options.getOrDefault("pkcs11-slot", "0"));
        } catch (NumberFormatException e) {
            throw new UsageException("--pkcs11-slot is the token's place in the module's slot list: 0, 1, ...");
        }
    }

    private static PlatformKey platformKey(Map<String, String> options, boolean needed) {
        if (!needed) {
            return null;
        }
        if (options.containsKey("platform-key")) {
            char[] pin = pin(options);
            try {
                return PlatformKey.onToken(options.get("platform-key"), required(options, "pkcs11-module"), slot(options), pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        if (!options.containsKey("platform-keystore")) {
            throw new UsageException("--platform-keystore is needed: this data is protected by the platform key too "
                    + "(a platform-managed vault, infrastructure encryption, or a disk sealed without a disk encryption set)");
        }
        Path keystore = existing(options.get("platform-keystore"));
        if (options.containsKey("platform-password")) {
            return PlatformKey.fromKeyStore(keystore, options.get("platform-password").toCharArray());
        }
        Path passwordFile = PlatformKey.passwordFile(keystore);
        if (!Files.isReadable(passwordFile)) {
            throw new UsageException("--platform-password is needed: the keystore's password (the server generates one "
                    + "and keeps it in " + passwordFile.getFileName() + " beside the keystore, or takes "
                    + "STRONGROOM_MASTER_KEYSTORE_PASSWORD)");
        }
        try {
            return PlatformKey.fromKeyStore(keystore, Files.readString(passwordFile).strip().toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    private static void writeImage(Manifest.Disk disk, RecoveryPointReader reader, Path target, boolean overwrite)
            throws IOException {
        refuseExisting(target, overwrite);
        writeAtomically(target, output -> {
            List<ChunkRef> blocks = disk.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                int length = (int) Math.min(disk.blockSize(), disk.size() - (long) i * disk.blockSize());
                output.write(blocks.get(i) == null ? new byte[length] : reader.chunk(blocks.get(i)));
            }
        });
    }

    private interface Content {
        void writeTo(OutputStream output) throws IOException;
    }

    /** Writes into a temporary file next to {@code target}, then renames it: a failure leaves no partial file. */
    private static void writeAtomically(Path target, Content content) throws IOException {
        Path temporary = target.resolveSibling(".strongroom-recover-" + System.nanoTime() + "-" + target.getFileName());
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 20)) {
            content.writeTo(output);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void refuseExisting(Path target, boolean overwrite) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            throw new IllegalArgumentException(target + " exists; choose another --out or add --overwrite");
        }
    }

    /** A chunk store the tool reads, and how its messages name it. */
    private record Located(ChunkStore store, String name) {
    }

    /**
     * {@code --store DIR}; a container of Azure Blob Storage: {@code --azure-blob ENDPOINT --account NAME --container
     * NAME --account-key-file FILE}; or an S3 bucket: {@code --s3 ENDPOINT [--region REGION] --bucket NAME
     * --access-key-id ID --secret-access-key-file FILE} (keys in files, never on the command line). Object stores
     * are only read.
     */
    private static Located storeOf(Map<String, String> options) throws IOException {
        if (options.containsKey("azure-blob")) {
            String endpoint = options.get("azure-blob");
            String container = required(options, "container");
            String key = Files.readString(existing(required(options, "account-key-file"))).strip();
            return new Located(AzureBlobObjectStore.connect(endpoint, required(options, "account"), key, container, false),
                    "container " + container + " at " + endpoint);
        }
        if (options.containsKey("s3")) {
            String endpoint = options.get("s3");
            String bucket = required(options, "bucket");
            String secret = Files.readString(existing(required(options, "secret-access-key-file"))).strip();
            return new Located(S3ObjectStore.connect(endpoint, options.getOrDefault("region", VaultStore.DEFAULT_S3_REGION),
                    required(options, "access-key-id"), secret, bucket, false), "bucket " + bucket + " at " + endpoint);
        }
        Path directory = existing(required(options, "store"));
        return new Located(new FileSystemChunkStore(directory), directory.toString());
    }

    private static Path existing(String path) {
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No such file or directory: " + path);
        }
        return file;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new UsageException("Unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
        }
        return options;
    }

    /** A command line that cannot be run as given. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
