package org.strongroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs restic and borg as the benchmark times them: encryption on, the same data, wall-clock time. */
final class Tool {

    static final String PASSPHRASE = "bench-passphrase";

    private Tool() {
    }

    /** Runs {@code command} in {@code directory}; fails with its output when it fails. Answers the wall-clock time. */
    static Duration run(Path directory, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + new String(output));
        }
        return took;
    }

    /**
     * CPU time (user + system) of the bench's child processes that have ended, from /proc/self/stat: the
     * difference around a {@link #run} is what that tool spent.
     */
    static Duration childrenCpu() throws IOException {
        String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Duration.ofMillis((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000 / 100);
    }

    static Map<String, String> restic(Path repository) {
        return Map.of("RESTIC_REPOSITORY", repository.toString(), "RESTIC_PASSWORD", PASSPHRASE,
                "RESTIC_CACHE_DIR", repository.resolveSibling("restic-cache").toString());
    }

    static Map<String, String> borg(Path repository) {
        return Map.of("BORG_REPO", repository.toString(), "BORG_PASSPHRASE", PASSPHRASE,
                "BORG_BASE_DIR", repository.resolveSibling("borg-home").toString(),
                "BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK", "no", "BORG_RELOCATED_REPO_ACCESS_IS_OK", "yes");
    }

    static String version(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return out.lines().findFirst().orElse("?");
        } catch (IOException | InterruptedException e) {
            return "not installed";
        }
    }
}
