package org.strongroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark (docs/benchmarks.md), one run, side by side: Strongroom vs restic vs borg on the same
 * data set for first backup, incremental backup and restore; the per-core crypto limit (JMH) and
 * Strongroom's backup throughput per busy core on Java 17 and Java 25; key rotation for 100 MiB and for
 * the whole data set; key-update jobs per minute; GET /api/jobs latency under a fixed request rate.
 * Writes bench/results/latest.json, latest.md and throughput.png.
 *
 * <p>Arguments: the project directory (default: the working directory), then the Java 25 home (default
 * /usr/lib/jvm/temurin-25-jdk-amd64; "none" to skip Java 25).
 */
public final class BenchRun {

    private static final double MIB = 1024 * 1024;
    private static final int ROTATION_ROUNDS = 9;

    private final Path project;
    private final Path work;
    private final DataSet data;
    private final Results results = new Results();
    /** CPU seconds per phase and tool, for the phases measured with {@link #withCpu}. */
    private final Map<String, Map<String, Object>> cpuSeconds = new LinkedHashMap<>();

    private BenchRun(Path project) {
        this.project = project;
        this.work = project.resolve("target/bench");
        this.data = new DataSet(work.resolve("data"));
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path java25 = Path.of(args.length > 1 ? args[1] : "/usr/lib/jvm/temurin-25-jdk-amd64");
        new BenchRun(project).run(Path.of(System.getProperty("java.home")), Files.isDirectory(java25) ? java25 : null);
    }

    private void run(Path java17, Path java25) throws Exception {
        Instant started = Instant.now();
        results.machine(java17, java25);
        log("Generating the data set in " + data.root);
        data.generate(42);
        // Every tool starts from an empty repository: a repository left by an earlier run would deduplicate everything.
        DataSet.deleteTree(work.resolve("restic-repo"));
        DataSet.deleteTree(work.resolve("borg-repo"));
        long treeBytes = data.treeBytes();
        long imageBytes = data.imageBytes();
        results.put("dataSet", Map.of("files", data.files().size(), "treeBytes", treeBytes, "diskImageBytes", imageBytes));
        long total = treeBytes + imageBytes;

        Map<String, Double> crypto17 = cryptoLimit(java17);
        Map<String, Double> crypto25 = java25 == null ? null : cryptoLimit(java25);

        try (Strongroom server = Strongroom.start(project, java17, work.resolve("server-17"))) {
            log("Strongroom up on Java 17: " + server.base);
            Phases phases = new Phases(server, data, work);
            results.put("coldStart", warmUp(phases, total));
            Phases.Measured first = withCpu("firstBackup", "strongroom", server::cpuTime, () -> phases.backup("bench"));
            Duration resticFirst = withCpu("firstBackup", "restic", Tool::childrenCpu,
                    () -> restic("backup", "--quiet", data.tree.toString(), data.image.toString()));
            Duration borgFirst = borg("create", "::first", "tree", "disk.img");
            int changed = data.changeOnePercent(7);
            log("Changed " + changed + " files");
            Phases.Measured second = phases.incremental("bench");
            Duration resticSecond = restic("backup", "--quiet", data.tree.toString(), data.image.toString());
            Duration borgSecond = borg("create", "::second", "tree", "disk.img");
            Duration restore = cold(() -> withCpu("restore", "strongroom", server::cpuTime, () -> phases.restore("bench")));
            Duration resticRestore = cold(() -> withCpu("restore", "restic", Tool::childrenCpu, this::resticRestore));
            Duration borgRestore = cold(this::borgRestore);
            Duration verify = cold(() -> withCpu("verify", "strongroom", server::cpuTime, () -> phases.verify("bench")));
            Duration resticVerify = cold(() -> withCpu("verify", "restic", Tool::childrenCpu,
                    () -> restic("check", "--quiet", "--read-data")));
            Duration diskRestore = cold(() -> phases.restoreDisk("bench"));
            Duration resticDiskRestore = cold(this::resticRestoreDisk);

            results.tools("firstBackup", total, first.wall(), resticFirst, borgFirst);
            results.tools("incrementalBackup", total, second.wall(), resticSecond, borgSecond);
            results.tools("restore", total, restore, resticRestore, borgRestore);
            results.tools("verify", total, verify, resticVerify, null);
            results.tools("diskRestore", imageBytes, diskRestore, resticDiskRestore, null);
            results.put("storeBytes", Map.of("strongroom", phases.storeBytes("bench"),
                    "restic", DataSet.bytesUnder(work.resolve("restic-repo")), "borg", DataSet.bytesUnder(work.resolve("borg-repo"))));
            results.put("incrementalShare", Map.of("changedFiles", changed,
                    "strongroom", ratio(second.wall(), first.wall()), "restic", ratio(resticSecond, resticFirst),
                    "borg", ratio(borgSecond, borgFirst)));
            shapes(server);
            results.put("cpuSeconds", cpuSeconds);
            results.put("scale", new Scale(server, work, java17).run());
            results.perCore("java17", first, total, crypto17);

            results.put("rotation", rotation(server));
            results.put("keyUpdateJobs", keyUpdateJobsPerMinute(server, 10, Duration.ofSeconds(60)));
            results.put("jobsListLatency", jobsListLatency(server, 50, Duration.ofSeconds(20)));
        }
        if (java25 != null) {
            try (Strongroom server = Strongroom.start(project, java25, work.resolve("server-25"))) {
                log("Strongroom up on Java 25");
                Phases phases = new Phases(server, data, work);
                warmUp(phases, total);
                Phases.Measured first = phases.backup("bench25");
                results.perCore("java25", first, total, crypto25);
            }
        }
        results.put("tookMinutes", Duration.between(started, Instant.now()).toSeconds() / 60.0);
        Path out = project.resolve("bench/results");
        results.write(out);
        log("Results in " + out);
    }

    /**
     * The second data set (100,000 files under 4 KiB, one 2 GiB file) on the same warm server, against
     * restic with a repository of its own: backup, restore, verify. Deleted afterwards.
     */
    private void shapes(Strongroom server) throws Exception {
        DataSet shapes = new DataSet(work.resolve("data-shapes"));
        log("Generating the second data set in " + shapes.root);
        shapes.generateShapes(43);
        long bytes = shapes.treeBytes();
        results.put("shapesDataSet", Map.of("files", shapes.files().size(), "treeBytes", bytes));
        Phases phases = new Phases(server, shapes, work);
        Path repository = work.resolve("restic-repo-shapes");
        DataSet.deleteTree(repository);
        Tool.run(work, Tool.restic(repository), "restic", "init", "--quiet");
        Phases.Measured backup = withCpu("shapes.backup", "strongroom", server::cpuTime, () -> phases.backup("shapes"));
        Duration resticBackup = withCpu("shapes.backup", "restic", Tool::childrenCpu,
                () -> Tool.run(work, Tool.restic(repository), "restic", "backup", "--quiet", shapes.tree.toString()));
        Duration restore = cold(() -> withCpu("shapes.restore", "strongroom", server::cpuTime, () -> phases.restore("shapes")));
        Path target = work.resolve("restore-restic");
        DataSet.deleteTree(target);
        Duration resticRestore = cold(() -> withCpu("shapes.restore", "restic", Tool::childrenCpu,
                () -> Tool.run(work, Tool.restic(repository), "restic", "restore", "latest", "--quiet", "--target",
                        target.toString())));
        requireSameSize(shapes.tree, Path.of(target + shapes.tree.toString()));
        Duration verify = cold(() -> withCpu("shapes.verify", "strongroom", server::cpuTime, () -> phases.verify("shapes")));
        Duration resticVerify = cold(() -> withCpu("shapes.verify", "restic", Tool::childrenCpu,
                () -> Tool.run(work, Tool.restic(repository), "restic", "check", "--quiet", "--read-data")));
        log("Second data set: backup " + backup.wall().toMillis() + " / " + resticBackup.toMillis() + " ms, restore "
                + restore.toMillis() + " / " + resticRestore.toMillis() + " ms, verify " + verify.toMillis() + " / "
                + resticVerify.toMillis() + " ms (Strongroom / restic)");
        results.tools("shapes.backup", bytes, backup.wall(), resticBackup, null);
        results.tools("shapes.restore", bytes, restore, resticRestore, null);
        results.tools("shapes.verify", bytes, verify, resticVerify, null);
        DataSet.deleteTree(shapes.root);
        DataSet.deleteTree(target);
        DataSet.deleteTree(repository);
    }

    // ---- Strongroom ----------------------------------------------------------------------------------

    /**
     * A long-running service is measured warm: the same data set is backed up and restored twice, each time
     * in a vault of its own (no deduplication across vaults), while the JIT compiles the hot paths. The first
     * round's times, right after a start, are reported as the cold start.
     */
    private Map<String, Object> warmUp(Phases phases, long total) throws Exception {
        Phases.Measured backup = phases.backup("warmup");
        Duration restore = phases.restore("warmup");
        // On two cores C2 still compiled the server's wider code (H2, Hibernate, Weld) through a second round.
        phases.backup("warmup-2");
        phases.restore("warmup-2");
        phases.verify("warmup-2");
        return Map.of("backupSeconds", backup.wall().toNanos() / 1e9, "backupMibPerSecond", mibPerSecond(total, backup.wall()),
                "restoreSeconds", restore.toNanos() / 1e9, "restoreMibPerSecond", mibPerSecond(total, restore));
    }

    /**
     * Key rotation (versionless key, rotate, until the vault's job completes): 100 MiB vs the whole data
     * set. The two vaults' rounds alternate, so that whatever else the machine does falls on both alike.
     */
    private Map<String, Object> rotation(Strongroom server) throws Exception {
        Path small = work.resolve("data-100m");
        DataSet.deleteTree(small);
        Files.createDirectories(small);
        Files.write(small.resolve("100m.bin"), randomBytes(100 * 1024 * 1024));
        List<String> vaults = List.of("rot-100m", "rot-all");
        for (String vault : vaults) {
            String kid = server.keyVaultWithKey("kv-" + vault, "kek");
            String versionless = kid.substring(0, kid.lastIndexOf('/'));
            server.cmkVault(vault, "kv-" + vault, versionless);
            if (vault.equals("rot-100m")) {
                server.item(vault, "tree", "Files", small);
                server.awaitJob(server.call("POST", "/api/vaults/" + vault + "/items/tree/backup", "").getString("id"));
            } else {
                server.item(vault, "tree", "Files", data.tree);
                server.item(vault, "disk", "Disk", data.image);
                new Phases(server, data, work).incremental(vault);
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        vaults.forEach(vault -> times.put(vault, new ArrayList<>()));
        for (int round = 0; round < ROTATION_ROUNDS; round++) {
            for (String vault : vaults) {
                long start = System.nanoTime();
                server.call("POST", "/api/keyvaults/kv-" + vault + "/keys/kek/rotate", null);
                awaitNewKeyUpdate(server, vault, round + 2);
                times.get(vault).add((System.nanoTime() - start) / 1e6);
            }
        }
        Map<String, Object> rotation = new LinkedHashMap<>();
        for (String vault : vaults) {
            rotation.put(vault, Map.of("millis", times.get(vault), "medianMillis", median(times.get(vault))));
        }
        double ratio = median(times.get("rot-all")) / median(times.get("rot-100m"));
        rotation.put("ratioWholeTo100MiB", ratio);
        log("Rotation medians: " + median(times.get("rot-100m")) + " ms (100 MiB), " + median(times.get("rot-all"))
                + " ms (whole)");
        return rotation;
    }

    /** Waits until the vault has {@code count} completed key-update jobs (the first assignment included). */
    private static void awaitNewKeyUpdate(Strongroom server, String vault, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            long completed = server.call("GET", "/api/jobs?vault=" + vault + "&status=Completed", null).getJsonArray("value")
                    .stream().map(v -> v.asJsonObject().getString("operation"))
                    .filter(op -> op.equals("UpdateEncryptionKey") || op.equals("ConfigureEncryption")).count();
            if (completed >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("No key update of " + vault + " completed");
    }

    /** {@code vaults} vaults switch between two pinned key versions for {@code window}: completed jobs per minute. */
    private Map<String, Object> keyUpdateJobsPerMinute(Strongroom server, int vaults, Duration window) throws Exception {
        String first = server.keyVaultWithKey("kv-churn", "kek");
        String second = server.call("POST", "/api/keyvaults/kv-churn/keys/kek/rotate", null).getJsonObject("key").getString("kid");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < vaults; i++) {
            names.add("churn-" + i);
            server.cmkVault(names.get(i), "kv-churn", first);
        }
        int completed = 0;
        boolean useSecond = true;
        long start = System.nanoTime();
        long end = start + window.toNanos();
        while (System.nanoTime() < end) {
            List<String[]> calls = new ArrayList<>();
            for (String vault : names) {
                calls.add(new String[] {"PUT", "/api/vaults/" + vault + "/encryption",
                        "{\"keyUri\":\"" + (useSecond ? second : first) + "\",\"keyVaultSubscriptionId\":\"sub-keys\"}"});
            }
            completed += server.runTogether(calls).size();
            useSecond = !useSecond;
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        log("Key-update jobs: " + completed + " in " + minutes + " min");
        return Map.of("vaults", vaults, "completedJobs", completed, "jobsPerMinute", completed / minutes);
    }

    /** GET /api/jobs at a fixed rate (open loop) for {@code length}: latency percentiles. */
    private Map<String, Object> jobsListLatency(Strongroom server, int perSecond, Duration length) throws Exception {
        Latency latency = Latency.start(server, perSecond);
        Thread.sleep(length.toMillis());
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("requestsPerSecond", perSecond));
        answer.putAll(latency.stop());
        log("GET /api/jobs latency: " + answer);
        return answer;
    }

    // ---- restic and borg -----------------------------------------------------------------------------

    private Duration restic(String... arguments) throws Exception {
        Path repository = work.resolve("restic-repo");
        if (!Files.exists(repository)) {
            Tool.run(work, Tool.restic(repository), "restic", "init", "--quiet");
        }
        Duration took = Tool.run(work, Tool.restic(repository), concat("restic", arguments));
        log("restic " + arguments[0] + ": " + took.toMillis() + " ms");
        return took;
    }

    private Duration resticRestore() throws Exception {
        Path target = work.resolve("restore-restic");
        DataSet.deleteTree(target);
        Duration took = restic("restore", "latest", "--quiet", "--target", target.toString());
        requireSameSize(data.tree, Path.of(target + data.tree.toString()));
        return took;
    }

    /** restic restores the disk image alone, as plain bytes. */
    private Duration resticRestoreDisk() throws Exception {
        Path target = work.resolve("restore-restic");
        DataSet.deleteTree(target);
        Duration took = restic("restore", "latest", "--quiet", "--target", target.toString(), "--include", data.image.toString());
        if (Files.size(Path.of(target + data.image.toString())) != data.imageBytes()) {
            throw new IllegalStateException("restic restored a disk image of another size");
        }
        return took;
    }

    private Duration borg(String... arguments) throws Exception {
        Path repository = work.resolve("borg-repo");
        if (!Files.exists(repository)) {
            Tool.run(work, Tool.borg(repository), "borg", "init", "--encryption=repokey-blake2");
        }
        Duration took = Tool.run(data.root, Tool.borg(repository), concat("borg", arguments));
        log("borg " + arguments[0] + ": " + took.toMillis() + " ms");
        return took;
    }

    private Duration borgRestore() throws Exception {
        Path target = work.resolve("restore-borg");
        DataSet.deleteTree(target);
        Files.createDirectories(target);
        Duration took = Tool.run(target, Tool.borg(work.resolve("borg-repo")), "borg", "extract", "::second");
        log("borg extract: " + took.toMillis() + " ms");
        requireSameSize(data.tree, target.resolve("tree"));
        return took;
    }

    // ---- JMH -----------------------------------------------------------------------------------------

    /** Bytes per second one core manages for HMAC-SHA-256 + AES-256-GCM, and each alone, on {@code javaHome}. */
    private Map<String, Double> cryptoLimit(Path javaHome) throws Exception {
        log("JMH on " + javaHome);
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(ChunkCryptoBenchmark.class.getName())
                .jvm(javaHome.resolve("bin/java").toString())
                .forks(1).threads(1)
                .warmupIterations(10).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build()).run();
        Map<String, Double> limits = new LinkedHashMap<>();
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark();
            limits.put(name.substring(name.lastIndexOf('.') + 1),
                    run.getPrimaryResult().getScore() * ChunkCryptoBenchmark.CHUNK);
        }
        return limits;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    interface Timed {
        Duration run() throws Exception;
    }

    interface Step<T> {
        T run() throws Exception;
    }

    interface CpuClock {
        Duration now() throws IOException;
    }

    /**
     * Runs {@code step}, noting the CPU time {@code clock} counted meanwhile (the server's JVM for
     * Strongroom, the ended child processes for restic) under {@code phase} and {@code tool}: on two cores
     * a wall-clock ratio is bounded by how much CPU each tool spends for the same bytes.
     */
    private <T> T withCpu(String phase, String tool, CpuClock clock, Step<T> step) throws Exception {
        Duration before = clock.now();
        T value = step.run();
        cpuSeconds.computeIfAbsent(phase, p -> new LinkedHashMap<>()).put(tool, clock.now().minus(before).toMillis() / 1000.0);
        return value;
    }

    /**
     * Runs {@code phase} from a cold page cache: dirty pages written out and every cache dropped first
     * (when the bench runs as root), as a restore or verify meets a store written long before. Without it a
     * tool whose repository was just written through the page cache reads it from memory, and one that
     * writes past the page cache (Strongroom, O_DIRECT) from disk.
     */
    private Duration cold(Timed phase) throws Exception {
        Tool.run(work, Map.of(), "sync");
        Path drop = Path.of("/proc/sys/vm/drop_caches");
        boolean dropped = false;
        if (Files.isWritable(drop)) {
            try {
                Files.writeString(drop, "3");
                dropped = true;
            } catch (IOException e) {
                log("Page cache not dropped: " + e.getMessage());
            }
        }
        results.put("coldCache", dropped);
        return phase.run();
    }

    static void requireSameSize(Path expected, Path actual) throws IOException {
        long want = DataSet.bytesUnder(expected);
        long got = DataSet.bytesUnder(actual);
        if (want != got) {
            throw new IllegalStateException("Restored " + got + " bytes to " + actual + ", expected " + want);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.SplittableRandom(100).nextBytes(bytes);
        return bytes;
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static double ratio(Duration a, Duration b) {
        return (double) a.toNanos() / b.toNanos();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void log(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    static double mibPerSecond(long bytes, Duration took) {
        return bytes / MIB / (took.toNanos() / 1e9);
    }
}
