package org.strongroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Backup and restore throughput by where a vault's data lives (docs/benchmarks.md, "Object stores"): the
 * server's store directory, Azure Blob Storage (Azurite, the official emulator) and S3 (S3Proxy on its
 * filesystem store), both emulators on loopback and on the same disk. Each round backs up the same tree into a
 * new vault of each store — the order rotated per round — and restores it; medians of the rounds, and each
 * store's time against the directory's. Writes bench/results/stores.json and stores.md. Run it with
 * {@code bash bench/stores.sh}.
 */
public final class StoresBench {

    private static final int ROUNDS = Integer.getInteger("bench.stores.rounds", 3);
    private static final int LARGE_FILES = 6;
    private static final int LARGE_SIZE = 64 * 1024 * 1024;
    private static final int SMALL_FILES = 2_000;
    private static final double MIB = 1024 * 1024;

    private StoresBench() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = project.resolve("target/bench-stores");
        DataSet.deleteTree(work);
        Path tree = work.resolve("tree");
        long bytes = generate(tree);
        Emulators.Emulator azurite = null;
        Emulators.Emulator s3 = null;
        try {
            azurite = Emulators.azurite(work);
            s3 = Emulators.s3Proxy(project, work);
            Map<String, String> storages = new LinkedHashMap<>();
            storages.put("FileSystem", "{\"type\":\"FileSystem\"}");
            storages.put("AzureBlob", azurite.storage());
            storages.put("S3", s3.storage());
            Map<String, Process> emulatorOf = Map.of("AzureBlob", azurite.process(), "S3", s3.process());
            Map<String, List<Double>> backups = new LinkedHashMap<>();
            Map<String, List<Double>> restores = new LinkedHashMap<>();
            Map<String, List<Double>> serverCpu = new LinkedHashMap<>();
            Map<String, List<Double>> emulatorCpu = new LinkedHashMap<>();
            storages.keySet().forEach(store -> {
                backups.put(store, new ArrayList<>());
                restores.put(store, new ArrayList<>());
                serverCpu.put(store, new ArrayList<>());
                emulatorCpu.put(store, new ArrayList<>());
            });
            try (Strongroom server = Strongroom.start(project, Path.of(System.getProperty("java.home")), work.resolve("server"))) {
                Path restoreRoot = work.resolve("restore-strongroom");
                List<String> order = new ArrayList<>(storages.keySet());
                for (int round = 0; round < ROUNDS; round++) {
                    for (String store : order) {
                        String vault = "bench-" + store.toLowerCase(Locale.ROOT) + "-" + round;
                        server.call("PUT", "/api/vaults/" + vault, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\","
                                + "\"resourceGroup\":\"rg\",\"storage\":" + storages.get(store) + "}");
                        server.item(vault, "files", "Files", tree);
                        long start = System.nanoTime();
                        double serverBefore = server.cpuTime().toMillis() / 1000.0;
                        double emulatorBefore = cpuSeconds(emulatorOf.get(store));
                        server.awaitJob(server.call("POST", "/api/vaults/" + vault + "/items/files/backup", "{}").getString("id"));
                        backups.get(store).add((System.nanoTime() - start) / 1e9);
                        serverCpu.get(store).add(server.cpuTime().toMillis() / 1000.0 - serverBefore);
                        emulatorCpu.get(store).add(cpuSeconds(emulatorOf.get(store)) - emulatorBefore);
                        String point = server.newestPoint(vault, "files");
                        Path out = restoreRoot.resolve(vault);
                        start = System.nanoTime();
                        server.awaitJob(server.call("POST", "/api/vaults/" + vault + "/items/files/recoveryPoints/" + point + "/restore",
                                "{\"target\":{\"path\":\"" + out + "\"}}").getString("id"));
                        restores.get(store).add((System.nanoTime() - start) / 1e9);
                        DataSet.deleteTree(out);
                        BenchRun.log("round " + round + " " + store + ": backup " + last(backups.get(store)) + " s, restore "
                                + last(restores.get(store)) + " s");
                    }
                    order.add(order.remove(0));
                }
            }
            write(project.resolve("bench/results"), bytes, backups, restores, serverCpu, emulatorCpu);
        } finally {
            for (Emulators.Emulator emulator : new Emulators.Emulator[] {azurite, s3}) {
                if (emulator != null) {
                    emulator.process().destroy();
                }
            }
        }
    }

    /** CPU seconds (user and system) a process and its children have used so far, from /proc; 0 for none. */
    private static double cpuSeconds(Process process) throws IOException {
        if (process == null) {
            return 0;
        }
        double total = 0;
        for (ProcessHandle handle : java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()).toList()) {
            Path stat = Path.of("/proc/" + handle.pid() + "/stat");
            if (Files.exists(stat)) {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            }
        }
        return total;
    }

    private static double last(List<Double> values) {
        return Math.round(values.get(values.size() - 1) * 100) / 100.0;
    }

    /** Six files of 64 MiB of random bytes and 2,000 of 1-48 KiB: 400 MiB that neither compress nor deduplicate. */
    private static long generate(Path tree) throws IOException {
        SplittableRandom random = new SplittableRandom(22);
        Files.createDirectories(tree.resolve("large"));
        byte[] block = new byte[1024 * 1024];
        for (int i = 0; i < LARGE_FILES; i++) {
            try (var out = Files.newOutputStream(tree.resolve("large/big-" + i + ".bin"))) {
                for (int mib = 0; mib < LARGE_SIZE / block.length; mib++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
        for (int i = 0; i < SMALL_FILES; i++) {
            Path file = tree.resolve("small/d" + (i % 20) + "/f" + i + ".dat");
            Files.createDirectories(file.getParent());
            byte[] content = new byte[1024 + random.nextInt(47 * 1024)];
            random.nextBytes(content);
            Files.write(file, content);
        }
        return DataSet.bytesUnder(tree);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path out, long bytes, Map<String, List<Double>> backups, Map<String, List<Double>> restores,
                              Map<String, List<Double>> serverCpu, Map<String, List<Double>> emulatorCpu) throws IOException {
        Files.createDirectories(out);
        JsonObjectBuilder json = Json.createObjectBuilder().add("treeBytes", bytes).add("rounds", ROUNDS);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Tree of %.0f MiB (%d rounds, medians; emulators on loopback, same disk)%n%n",
                bytes / MIB, ROUNDS));
        md.append("| store | backup | MiB/s | ÷ store directory | backup CPU: server · emulator | restore | MiB/s | ÷ store directory |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        double localBackup = median(backups.get("FileSystem"));
        double localRestore = median(restores.get("FileSystem"));
        for (String store : backups.keySet()) {
            double backup = median(backups.get(store));
            double restore = median(restores.get(store));
            JsonArrayBuilder b = Json.createArrayBuilder();
            backups.get(store).forEach(b::add);
            JsonArrayBuilder r = Json.createArrayBuilder();
            restores.get(store).forEach(r::add);
            double cpu = median(serverCpu.get(store));
            double emulator = median(emulatorCpu.get(store));
            json.add(store, Json.createObjectBuilder().add("backupSeconds", b).add("restoreSeconds", r)
                    .add("backupMedian", backup).add("restoreMedian", restore).add("backupServerCpuSeconds", cpu)
                    .add("backupEmulatorCpuSeconds", emulator));
            md.append(String.format(Locale.ROOT, "| %s | %.2f s | %.0f | %.2f× | %.1f s · %.1f s | %.2f s | %.0f | %.2f× |%n", store, backup,
                    bytes / MIB / backup, backup / localBackup, cpu, emulator, restore, bytes / MIB / restore, restore / localRestore));
        }
        Files.writeString(out.resolve("stores.json"), json.build().toString() + "\n");
        Files.writeString(out.resolve("stores.md"), md.toString());
        System.out.print(md);
    }
}
