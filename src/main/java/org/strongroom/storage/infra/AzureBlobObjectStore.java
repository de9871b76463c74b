package org.strongroom.storage.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.StorageSharedKeyCredential;

/**
 * A container of Azure Blob Storage, with the official SDK (JDK HTTP client) signed by the account's shared key.
 * Uploads in parts are staged blocks, committed as a block list: uncommitted blocks are discarded by the
 * service. The SDK retries with exponential backoff (5 tries, 0.5 s to 30 s).
 */
public final class AzureBlobObjectStore implements ObjectStore {

    private final BlobContainerClient container;

    private AzureBlobObjectStore(BlobContainerClient container) {
        this.container = container;
    }

    /**
     * The chunk store in {@code containerName} of the account at {@code endpoint}; with {@code create}, the container
     * is made when missing (a vault's store being chosen), otherwise a missing one is refused (the recovery tool
     * reads). {@link IllegalArgumentException} when the service refuses the account, key or container,
     * {@link UncheckedIOException} when it does not answer.
     */
    public static ObjectChunkStore connect(String endpoint, String accountName, String accountKey, String containerName, boolean create) {
        BlobContainerClient container = client(endpoint, accountName, accountKey, containerName);
        try {
            if (!container.exists()) {
                if (!create) {
                    throw new IllegalArgumentException("The account at " + endpoint + " has no container '" + containerName + "'");
                }
                container.create();
            }
        } catch (BlobStorageException e) {
            throw new IllegalArgumentException("The account at " + endpoint + " refuses account '" + accountName + "' with this key: "
                    + (e.getErrorCode() == null ? e.getStatusCode() : e.getErrorCode()), e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Azure Blob Storage at " + endpoint + " does not answer: " + e.getMessage(), e));
        }
        return new ObjectChunkStore(new AzureBlobObjectStore(container));
    }

    private static BlobContainerClient client(String endpoint, String accountName, String accountKey, String containerName) {
        return new BlobContainerClientBuilder().endpoint(endpoint).containerName(containerName)
                .credential(new StorageSharedKeyCredential(accountName, accountKey))
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(4)
                        .setBaseDelay(Duration.ofMillis(500)).setMaxDelay(Duration.ofSeconds(30))))
                .buildClient();
    }

    @Override
    public void put(String name, byte[] content) {
        container.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
    }

    @Override
    public Optional<byte[]> get(String name) {
        try {
            return Optional.of(container.getBlobClient(name).downloadContent().toBytes());
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> get(String name, long offset, int length) {
        try {
            return Optional.of(container.getBlobClient(name).downloadContentWithResponse(null, null, new BlobRange(offset, (long) length),
                    false, null, null).getValue().toBytes());
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getStatusCode() == 416) {
                return Optional.of(new byte[0]);
            }
            throw e;
        }
    }

    @Override
    public Iterable<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).forEach(blob -> names.add(blob.getName()));
        return names;
    }

    @Override
    public void delete(String name) {
        container.getBlobClient(name).deleteIfExists();
    }

    @Override
    public Upload upload(String name) {
        BlockBlobClient blob = container.getBlobClient(name).getBlockBlobClient();
        Map<Integer, String> blocks = new ConcurrentSkipListMap<>();
        return new Upload() {
            @Override
            public void part(int number, byte[] part, int length) {
                String blockId = Base64.getEncoder().encodeToString(String.format("%08d", number).getBytes(StandardCharsets.US_ASCII));
                blob.stageBlock(blockId, new ByteArrayInputStream(part, 0, length), length);
                blocks.put(number, blockId);
            }

            @Override
            public void complete() {
                blob.commitBlockList(List.copyOf(blocks.values()), false);
            }

            @Override
            public void abort() {
                // staged blocks that are never committed are discarded by the service (after a week)
            }
        };
    }

    @Override
    public String url(String name) {
        return container.getBlobContainerUrl() + "/" + name;
    }
}
