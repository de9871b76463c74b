package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A service a test starts for itself (an emulator, a server): a process on a free loopback port with its files
 * in a temporary directory, awaited until it listens, and stopped — its files gone — on {@link #close()}.
 */
public final class LoopbackService implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path data;

    private LoopbackService(String name, Process process, int port, Path data) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /** Starts {@code command(port, directory)}, its output in {@code directory/name.log}, and waits until it listens. */
    static LoopbackService start(String name, BiFunction<Integer, Path, List<String>> command) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = Files.createTempDirectory(name);
            Process process = new ProcessBuilder(command.apply(port, data)).redirectErrorStream(true)
                    .redirectOutput(data.resolve(name + ".log").toFile()).start();
            LoopbackService started = new LoopbackService(name, process, port, data);
            started.awaitListening(Duration.ofSeconds(60));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    private void awaitListening(Duration patience) throws IOException {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended at start: " + Files.readString(data.resolve(name + ".log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + patience);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            SourceTrees.deleteTree(data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
