package org.strongroom.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.common.StorageSharedKeyCredential;

/**
 * Azurite, Microsoft's official Azure Storage emulator (npm package {@code azurite}), started for a test on a
 * free loopback port with its data in a temporary directory, and stopped after it. It is looked for on the
 * PATH and in {@code ~/.cache/strongroom/azurite} (where .ci/run installs it); where it is missing the test is
 * skipped, naming how to install it.
 */
public final class Azurite implements ObjectStoreEmulator {

    /** Azurite's well-known development account and key (public, documented by Microsoft). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Path CACHED = Path.of(System.getProperty("user.home"), ".cache", "strongroom", "azurite", "node_modules", ".bin",
            "azurite-blob");

    private final LoopbackService service;

    private Azurite(LoopbackService service) {
        this.service = service;
    }

    private static Optional<Path> executable() {
        if (Files.isExecutable(CACHED)) {
            return Optional.of(CACHED);
        }
        return Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "azurite-blob")).filter(Files::isExecutable).findFirst();
    }

    public static Azurite start() {
        Optional<Path> azurite = executable();
        assumeTrue(azurite.isPresent(), "Azurite is not installed (npm install --prefix ~/.cache/strongroom/azurite azurite, "
                + "or npm install -g azurite; .ci/run installs it)");
        return new Azurite(LoopbackService.start("azurite", (port, data) -> List.of(azurite.get().toString(), "--blobHost", "127.0.0.1",
                "--blobPort", String.valueOf(port), "--location", data.toString(), "--silent", "--skipApiVersionCheck", "--loose")));
    }

    /** The blob endpoint of the development account, as a client names it. */
    public String endpoint() {
        return "http://127.0.0.1:" + service.port() + "/" + ACCOUNT;
    }

    /** A client of {@code container}, as the test sees the stored data. */
    public BlobContainerClient container(String container) {
        return new BlobServiceClientBuilder().endpoint(endpoint()).credential(new StorageSharedKeyCredential(ACCOUNT, KEY)).buildClient()
                .getBlobContainerClient(container);
    }

    /** Whether it is installed (the tests that need it are skipped otherwise). */
    public static boolean available() {
        return executable().isPresent();
    }

    @Override
    public List<String> names(String container, String prefix) {
        return container(container).listBlobs().stream().map(BlobItem::getName).filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    @Override
    public byte[] read(String container, String name) {
        return container(container).getBlobClient(name).downloadContent().toBytes();
    }

    @Override
    public void write(String container, String name, byte[] content) {
        container(container).getBlobClient(name).upload(BinaryData.fromBytes(content), true);
    }

    @Override
    public List<String> recoveryToolOptions(String container, Path keyFile) {
        try {
            Files.writeString(keyFile, KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("--azure-blob", endpoint(), "--account", ACCOUNT, "--container", container, "--account-key-file", keyFile.toString());
    }

    @Override
    public String storage(String container) {
        return "{\"type\":\"AzureBlob\",\"endpoint\":\"" + endpoint() + "\",\"accountName\":\"" + ACCOUNT + "\",\"container\":\""
                + container + "\",\"accountKey\":\"" + KEY + "\"}";
    }

    @Override
    public void close() {
        service.close();
    }
}
