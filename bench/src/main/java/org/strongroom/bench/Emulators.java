package org.strongroom.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The object stores the benches back up into, as processes on free loopback ports with their data under the
 * bench's work directory: S3Proxy (its filesystem store; the build copies its jar to target/s3proxy) and Azurite
 * (installed by npm into ~/.cache/strongroom/azurite). Each is a running process with the vault {@code storage}
 * that names it; destroy the process when done.
 */
final class Emulators {

    private static final String S3_ID = "bench";
    private static final String S3_SECRET = "bench-secret";
    private static final String AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /** A started emulator and the JSON of a vault's {@code storage} in its bucket or container "bench". */
    record Emulator(Process process, String storage) {
    }

    private Emulators() {
    }

    static Emulator s3Proxy(Path project, Path work) throws IOException, InterruptedException {
        int port = freePort();
        Path data = Files.createDirectories(work.resolve("s3proxy"));
        Path properties = work.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + S3_ID, "s3proxy.credential=" + S3_SECRET,
                "jclouds.provider=filesystem-nio2", "jclouds.filesystem.basedir=" + data, "jclouds.identity=" + S3_ID,
                "jclouds.credential=" + S3_SECRET, ""));
        Process process = start(work.resolve("s3proxy.log"), port, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", project.resolve("target/s3proxy/s3proxy.jar").toString(), "--properties", properties.toString());
        return new Emulator(process, "{\"type\":\"S3\",\"endpoint\":\"http://127.0.0.1:" + port + "\",\"bucket\":\"bench\","
                + "\"accessKeyId\":\"" + S3_ID + "\",\"secretAccessKey\":\"" + S3_SECRET + "\"}");
    }

    static Emulator azurite(Path work) throws IOException, InterruptedException {
        int port = freePort();
        Path azurite = Path.of(System.getProperty("user.home"), ".cache/strongroom/azurite/node_modules/.bin/azurite-blob");
        Path data = Files.createDirectories(work.resolve("azurite"));
        Process process = start(work.resolve("azurite.log"), port, azurite.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                String.valueOf(port), "--location", data.toString(), "--silent", "--skipApiVersionCheck", "--loose");
        return new Emulator(process, "{\"type\":\"AzureBlob\",\"endpoint\":\"http://127.0.0.1:" + port + "/devstoreaccount1\","
                + "\"accountName\":\"devstoreaccount1\",\"container\":\"bench\",\"accountKey\":\"" + AZURITE_KEY + "\"}");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process start(Path log, int port, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException(command[0] + " ended at start: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return process;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroy();
        throw new IllegalStateException(command[0] + " did not listen on port " + port);
    }
}
