package org.strongroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * Strongroom's side of the benchmark on one data set: a vault with a customer-managed key holding the
 * tree (item {@code tree}) and the disk image (item {@code disk}), backed up, restored and verified with
 * both items' jobs running together, timed from the first request until both jobs completed.
 */
final class Phases {

    /** Wall-clock time of a backup and the server's CPU time meanwhile. */
    record Measured(Duration wall, Duration cpu, long sourceBytes, long newBytes, long storedBytes) {
    }

    private final Strongroom server;
    private final DataSet data;
    private final Path work;

    Phases(Strongroom server, DataSet data, Path work) {
        this.server = server;
        this.data = data;
        this.work = work;
    }

    /** Sets up {@code vault} (its own key vault and key) with the data set's items, and backs them up. */
    Measured backup(String vault) throws Exception {
        String kid = server.keyVaultWithKey("kv-" + vault, "kek");
        server.cmkVault(vault, "kv-" + vault, kid);
        server.item(vault, "tree", "Files", data.tree);
        if (Files.exists(data.image)) {
            server.item(vault, "disk", "Disk", data.image);
        }
        return incremental(vault);
    }

    /** Backs up the items of {@code vault} again. */
    Measured incremental(String vault) throws Exception {
        Duration cpuBefore = server.cpuTime();
        long start = System.nanoTime();
        server.runTogether(calls(vault, item -> new String[] {"POST", "/api/vaults/" + vault + "/items/" + item + "/backup", ""}));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        long source = 0;
        long fresh = 0;
        long stored = 0;
        for (String item : items()) {
            JsonObject point = server.call("GET", "/api/vaults/" + vault + "/items/" + item + "/recoveryPoints", null)
                    .getJsonArray("value").getJsonObject(0);
            source += point.getJsonNumber("sizeBytes").longValue();
            fresh += point.getJsonNumber("newBytes").longValue();
            stored += point.getJsonNumber("storedBytes").longValue();
        }
        BenchRun.log(vault + " backup: " + wall.toMillis() + " ms wall, " + cpu.toMillis() + " ms CPU, " + fresh + " new bytes, "
                + stored + " stored");
        return new Measured(wall, cpu, source, fresh, stored);
    }

    /** Restores the newest points of {@code vault}: the tree as files, the disk sealed (SPEC 15). */
    Duration restore(String vault) throws Exception {
        return restore(vault, items());
    }

    /** Restores only the disk of {@code vault}, sealed: what a VM restore pays. */
    Duration restoreDisk(String vault) throws Exception {
        return restore(vault, List.of("disk"));
    }

    private Duration restore(String vault, List<String> items) throws Exception {
        Path target = work.resolve("restore-strongroom");
        for (Path restored : List.of(target.resolve("tree"), target.resolve("disk.sealed"))) {
            DataSet.deleteTree(restored);
        }
        Files.createDirectories(target);
        List<String[]> calls = new ArrayList<>();
        for (String item : items) {
            String into = item.equals("tree") ? "tree" : "disk.sealed";
            calls.add(new String[] {"POST", "/api/vaults/" + vault + "/items/" + item + "/recoveryPoints/"
                    + server.newestPoint(vault, item) + "/restore", "{\"target\":{\"path\":\"" + target.resolve(into) + "\"}}"});
        }
        long start = System.nanoTime();
        server.runTogether(calls);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (items.contains("tree")) {
            BenchRun.requireSameSize(data.tree, target.resolve("tree"));
        }
        BenchRun.log("Strongroom restore of " + items + ": " + took.toMillis() + " ms");
        return took;
    }

    /** Verifies the newest points of {@code vault}: every chunk read, authenticated and its id recomputed. */
    Duration verify(String vault) throws Exception {
        List<String[]> calls = new ArrayList<>();
        for (String item : items()) {
            calls.add(new String[] {"POST", "/api/vaults/" + vault + "/items/" + item + "/recoveryPoints/"
                    + server.newestPoint(vault, item) + "/verify", ""});
        }
        long start = System.nanoTime();
        server.runTogether(calls);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        BenchRun.log("Strongroom verify: " + took.toMillis() + " ms");
        return took;
    }

    /** The bytes {@code vault} occupies in the server's store. */
    long storeBytes(String vault) throws IOException {
        return DataSet.bytesUnder(server.storeDir().resolve("vaults").resolve(vault));
    }

    private List<String> items() {
        return Files.exists(data.image) ? List.of("tree", "disk") : List.of("tree");
    }

    private List<String[]> calls(String vault, java.util.function.Function<String, String[]> call) {
        return items().stream().map(call).toList();
    }
}
