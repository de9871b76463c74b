package org.strongroom.storage.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket of an S3 service — AWS S3, MinIO, Ceph, S3Proxy and others — with the AWS SDK for Java v2 on the JDK's
 * URL connection client, signed (SigV4) with an access key. Uploads in parts are S3 multipart uploads: nothing
 * is visible before the upload completes, and an upload given up is aborted (a bucket lifecycle rule
 * "AbortIncompleteMultipartUpload" also clears those of a server that died). Endpoints other than AWS's
 * ({@code *.amazonaws.com}) are addressed path-style ({@code endpoint/bucket/name}), as those services expect.
 * Checksums are sent only where S3 requires them: the stored blobs carry their own authentication, and services
 * other than AWS differ in the newer checksum headers. The SDK retries with exponential backoff (5 tries,
 * 0.5 s to 30 s).
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client client;
    private final String endpoint;
    private final String bucket;

    private S3ObjectStore(S3Client client, String endpoint, String bucket) {
        this.client = client;
        this.endpoint = endpoint;
        this.bucket = bucket;
    }

    /**
     * The chunk store in {@code bucket} at {@code endpoint}; with {@code create}, the bucket is made when missing,
     * otherwise a missing one is refused. {@link IllegalArgumentException} when the service refuses the key or the
     * bucket, {@link UncheckedIOException} when it does not answer.
     */
    public static ObjectChunkStore connect(String endpoint, String region, String accessKeyId, String secretAccessKey, String bucket,
                                    boolean create) {
        S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .forcePathStyle(!URI.create(endpoint).getHost().endsWith(".amazonaws.com"))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(5).backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(30)))
                        .build()))
                .build();
        try {
            try {
                client.headBucket(request -> request.bucket(bucket));
            } catch (NoSuchBucketException missing) {
                if (!create) {
                    throw new IllegalArgumentException("The S3 service at " + endpoint + " has no bucket '" + bucket + "'");
                }
                client.createBucket(request -> request.bucket(bucket));
            }
        } catch (S3Exception e) {
            client.close();
            throw new IllegalArgumentException("The S3 service at " + endpoint + " refuses bucket '" + bucket + "' with access key '"
                    + accessKeyId + "': " + e.statusCode() + " " + Optional.ofNullable(e.awsErrorDetails())
                    .map(details -> details.errorCode()).orElse(""), e);
        } catch (SdkClientException e) {
            client.close();
            throw new UncheckedIOException(new IOException("The S3 service at " + endpoint + " does not answer: " + e.getMessage(), e));
        } catch (IllegalArgumentException e) {
            client.close();
            throw e;
        }
        return new ObjectChunkStore(new S3ObjectStore(client, endpoint.replaceAll("/+$", ""), bucket));
    }

    @Override
    public void put(String name, byte[] content) {
        client.putObject(request -> request.bucket(bucket).key(name), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String name) {
        try {
            return Optional.of(client.getObjectAsBytes(request -> request.bucket(bucket).key(name)).asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> get(String name, long offset, int length) {
        try {
            return Optional.of(client.getObjectAsBytes(request -> request.bucket(bucket).key(name)
                    .range("bytes=" + offset + "-" + (offset + length - 1))).asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return Optional.of(new byte[0]);
            }
            throw e;
        }
    }

    @Override
    public Iterable<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).forEach(names::add);
        return names;
    }

    @Override
    public void delete(String name) {
        client.deleteObject(request -> request.bucket(bucket).key(name));
    }

    @Override
    public Upload upload(String name) {
        String uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(name)).uploadId();
        Map<Integer, CompletedPart> parts = new ConcurrentSkipListMap<>();
        return new Upload() {
            @Override
            public void part(int number, byte[] part, int length) {
                String eTag = client.uploadPart(request -> request.bucket(bucket).key(name).uploadId(uploadId).partNumber(number)
                        .contentLength((long) length), RequestBody.fromByteBuffer(ByteBuffer.wrap(part, 0, length))).eTag();
                parts.put(number, CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }

            @Override
            public void complete() {
                client.completeMultipartUpload(request -> request.bucket(bucket).key(name).uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(List.copyOf(parts.values()))));
            }

            @Override
            public void abort() {
                client.abortMultipartUpload(request -> request.bucket(bucket).key(name).uploadId(uploadId));
            }
        };
    }

    @Override
    public String url(String name) {
        return endpoint + "/" + bucket + "/" + name;
    }
}
