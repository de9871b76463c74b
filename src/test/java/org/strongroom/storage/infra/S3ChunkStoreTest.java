package org.strongroom.storage.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.storage.domain.PackWriter;
import org.strongroom.support.Names;
import org.strongroom.support.S3Proxy;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The chunk store in an S3 bucket (S3Proxy, started by the test; skipped where its jar is missing); an unsealed
 * pack's multipart upload is aborted, and a bucket that is not there is refused when only reading.
 */
class S3ChunkStoreTest extends ObjectChunkStoreContract {

    private static S3Proxy s3;
    private static String bucket;
    private static ChunkStore store;

    @BeforeAll
    static void start() {
        s3 = S3Proxy.start();
        bucket = Names.unique("store-");
        store = S3ObjectStore.connect(s3.endpoint(), S3Proxy.REGION, S3Proxy.ACCESS_KEY_ID, S3Proxy.SECRET, bucket, true);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    ChunkStore store() {
        return store;
    }

    @Test
    void unsealedPack_leavesNoMultipartUploadBehind() {
        VaultName vault = VaultName.of(Names.unique("v-"));
        try (PackWriter pack = store.newPack(vault)) {
            byte[] content = new byte[ObjectChunkStore.PART_SIZE + 1];
            pack.append(content, 0, content.length);
        }
        try (S3Client client = s3.client()) {
            assertEquals(0, client.listMultipartUploads(request -> request.bucket(bucket)).uploads().size());
        }
        assertTrue(store.packs(vault).isEmpty());
    }

    @Test
    void missingBucketOrWrongSecret_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> S3ObjectStore.connect(s3.endpoint(), S3Proxy.REGION, S3Proxy.ACCESS_KEY_ID,
                S3Proxy.SECRET, Names.unique("absent-"), false));
        assertThrows(IllegalArgumentException.class, () -> S3ObjectStore.connect(s3.endpoint(), S3Proxy.REGION, S3Proxy.ACCESS_KEY_ID,
                "not-the-secret", bucket, false));
    }
}
