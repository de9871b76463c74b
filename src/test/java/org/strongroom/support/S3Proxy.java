package org.strongroom.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3Proxy ({@code org.gaul:s3proxy}, Maven Central), an S3 server, started for a test as a process of its own on a
 * free loopback port with an in-memory store, signed requests only (AWS SigV4), and stopped after it. The build
 * copies its jar to {@code target/s3proxy/s3proxy.jar}; where that jar is missing the test is skipped, naming the
 * command that fetches it.
 */
public final class S3Proxy implements ObjectStoreEmulator {

    public static final String ACCESS_KEY_ID = "strongroom-test";
    public static final String SECRET = "s3proxy-secret-for-tests-only";
    public static final String REGION = "us-east-1";

    private final LoopbackService service;

    private S3Proxy(LoopbackService service) {
        this.service = service;
    }

    /** The jar: where the build copies it, seen from the project directory or from the test server's. */
    private static Optional<Path> jar() {
        Stream<Path> candidates = Stream.of(Path.of("target", "s3proxy", "s3proxy.jar"));
        String serverHome = System.getProperty("jboss.home.dir");
        if (serverHome != null) {
            candidates = Stream.concat(candidates, Stream.of(Path.of(serverHome).resolveSibling("s3proxy").resolve("s3proxy.jar")));
        }
        return candidates.filter(Files::isReadable).map(Path::toAbsolutePath).findFirst();
    }

    /** Whether the jar is there to start (the tests that need S3 are skipped otherwise). */
    public static boolean available() {
        return jar().isPresent();
    }

    public static S3Proxy start() {
        Optional<Path> jar = jar();
        assumeTrue(jar.isPresent(), "S3Proxy is not in target/s3proxy (mvn generate-test-resources copies it from Maven Central)");
        return new S3Proxy(LoopbackService.start("s3proxy", (port, data) -> {
            Path properties = data.resolve("s3proxy.properties");
            try {
                Files.writeString(properties, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY_ID, "s3proxy.credential=" + SECRET,
                        "jclouds.provider=transient-nio2", "jclouds.identity=" + ACCESS_KEY_ID, "jclouds.credential=" + SECRET, ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.get().toString(),
                    "--properties", properties.toString());
        }));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + service.port();
    }

    /** A client of the server, as the test sees the stored data. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public List<String> names(String bucket, String prefix) {
        try (S3Client client = client()) {
            return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).sorted().toList();
        }
    }

    @Override
    public byte[] read(String bucket, String name) {
        try (S3Client client = client()) {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(name)).asByteArray();
        }
    }

    @Override
    public void write(String bucket, String name, byte[] content) {
        try (S3Client client = client()) {
            client.putObject(request -> request.bucket(bucket).key(name), RequestBody.fromBytes(content));
        }
    }

    @Override
    public List<String> recoveryToolOptions(String bucket, Path keyFile) {
        try {
            Files.writeString(keyFile, SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("--s3", endpoint(), "--region", REGION, "--bucket", bucket, "--access-key-id", ACCESS_KEY_ID,
                "--secret-access-key-file", keyFile.toString());
    }

    @Override
    public String storage(String bucket) {
        return "{\"type\":\"S3\",\"endpoint\":\"" + endpoint() + "\",\"region\":\"" + REGION + "\",\"bucket\":\"" + bucket
                + "\",\"accessKeyId\":\"" + ACCESS_KEY_ID + "\",\"secretAccessKey\":\"" + SECRET + "\"}";
    }

    @Override
    public void close() {
        service.close();
    }
}
