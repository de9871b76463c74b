package org.strongroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A PostgreSQL database backed up by Strongroom next to {@code pg_dump} alone (docs/benchmarks.md,
 * "Databases"): a pgbench database on the machine's PostgreSQL server (127.0.0.1:5432, user postgres), dumped
 * by {@code pg_dump} to a file (its default compression) and to nothing (uncompressed, what Strongroom runs),
 * and backed up by Strongroom — a first point, points of the unchanged database, one after 1 % rows were appended,
 * one after pgbench's transactions updated rows all over the table — with each
 * point's size and what it stored new; then restored by Strongroom and by {@code pg_restore} from the file.
 * Rounds alternate the tools. Writes bench/results/database.json and database.md. Run it with
 * {@code bash bench/postgresql.sh}.
 */
public final class DatabaseBench {

    private static final String DB = "strongroom_bench";
    private static final int SCALE = Integer.getInteger("bench.pgbench.scale", 50);
    private static final int ROUNDS = 3;
    private static final double MIB = 1024 * 1024;

    private final Path work;
    private final Path bin;

    private DatabaseBench(Path project) throws IOException {
        this.work = project.resolve("target/bench-database");
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            this.bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pgbench")))
                    .max(Path::compareTo).orElseThrow(() -> new IllegalStateException("No PostgreSQL client tools with pgbench"));
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new DatabaseBench(project).run(project, Path.of(System.getProperty("java.home")));
    }

    private void run(Path project, Path javaHome) throws Exception {
        DataSet.deleteTree(work);
        Files.createDirectories(work);
        tool("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)", "-c", "CREATE DATABASE " + DB);
        tool("pgbench", "-i", "-q", "-s", Integer.toString(SCALE), DB);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("pgbenchScale", SCALE);
        results.put("databaseBytes", Long.parseLong(query("SELECT pg_database_size('" + DB + "')")));
        results.put("postgresql", query("SHOW server_version"));
        Path file = work.resolve("db.dump");
        List<Double> dumpToFile = new ArrayList<>();
        List<Double> dumpUncompressed = new ArrayList<>();
        List<Double> strongroomBackups = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        try (Strongroom server = Strongroom.start(project, javaHome, work.resolve("server"))) {
            server.call("PUT", "/api/vaults/db", "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\",\"resourceGroup\":\"rg\"}");
            server.call("PUT", "/api/vaults/db/items/bench", "{\"workloadType\":\"PostgreSQL\",\"source\":{\"jdbcUrl\":"
                    + "\"jdbc:postgresql://127.0.0.1:5432/" + DB + "\",\"user\":\"postgres\",\"password\":\"postgres\"}}");
            for (int round = 0; round < ROUNDS; round++) {
                dumpToFile.add(seconds(() -> tool("pg_dump", "--format=custom", "-f", file.toString(), DB)));
                dumpUncompressed.add(seconds(() -> tool("pg_dump", "--format=custom", "--compress=0", "--no-sync", "-f", "/dev/null", DB)));
                strongroomBackups.add(seconds(() -> server.awaitJob(server.call("POST", "/api/vaults/db/items/bench/backup", "{}")
                        .getString("id"))));
                points.add(point(server, round == 0 ? "first" : "unchanged"));
                BenchRun.log("round " + round + ": pg_dump to file " + dumpToFile.get(round) + " s, uncompressed "
                        + dumpUncompressed.get(round) + " s, Strongroom " + strongroomBackups.get(round) + " s");
            }
            results.put("dumpFileBytes", Files.size(file));
            // Rows appended (an append-mostly table), then rows updated all over the table (pgbench's transactions).
            tool("psql", "-X", "-q", "-d", DB, "-c", "INSERT INTO pgbench_accounts SELECT aid + " + SCALE * 100_000
                    + ", bid, abalance, filler FROM pgbench_accounts WHERE aid <= " + SCALE * 1_000);
            server.awaitJob(server.call("POST", "/api/vaults/db/items/bench/backup", "{}").getString("id"));
            points.add(point(server, "after appending 1 % rows"));
            tool("pgbench", "-T", "15", "-c", "2", "-n", DB);
            double afterChanges = seconds(() -> server.awaitJob(server.call("POST", "/api/vaults/db/items/bench/backup", "{}")
                    .getString("id")));
            points.add(point(server, "after pgbench -T 15"));
            results.put("backupAfterChangesSeconds", afterChanges);
            tool("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS bench_restored_sr WITH (FORCE)",
                    "-c", "DROP DATABASE IF EXISTS bench_restored_pg WITH (FORCE)", "-c", "CREATE DATABASE bench_restored_pg");
            String newest = server.newestPoint("db", "bench");
            results.put("restoreStrongroomSeconds", seconds(() -> server.awaitJob(server.call("POST",
                    "/api/vaults/db/items/bench/recoveryPoints/" + newest + "/restore", "{\"target\":{\"database\":\"bench_restored_sr\"}}")
                    .getString("id"))));
            results.put("restorePgRestoreSeconds", seconds(() -> tool("pg_restore", "-d", "bench_restored_pg", file.toString())));
        } finally {
            tool("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS bench_restored_sr WITH (FORCE)",
                    "-c", "DROP DATABASE IF EXISTS bench_restored_pg WITH (FORCE)", "-c", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
        results.put("pgDumpToFileSeconds", dumpToFile);
        results.put("pgDumpUncompressedSeconds", dumpUncompressed);
        results.put("strongroomBackupSeconds", strongroomBackups);
        results.put("points", points);
        write(project.resolve("bench/results"), results);
    }

    private static Map<String, Object> point(Strongroom server, String what) throws IOException, InterruptedException {
        JsonObject point = server.call("GET", "/api/vaults/db/items/bench/recoveryPoints", null).getJsonArray("value").getJsonObject(0);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("point", what);
        row.put("sizeBytes", point.getJsonNumber("sizeBytes").longValue());
        row.put("newBytes", point.getJsonNumber("newBytes").longValue());
        row.put("storedBytes", point.getJsonNumber("storedBytes").longValue());
        return row;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
    }

    private String query(String sql) throws IOException, InterruptedException {
        return tool("psql", "-X", "-A", "-t", "-d", "postgres", "-c", sql).strip();
    }

    private String tool(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(name).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "postgres", "PGPASSWORD", "postgres"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @SuppressWarnings("unchecked")
    private static void write(Path out, Map<String, Object> results) throws IOException {
        Files.createDirectories(out);
        var json = Json.createObjectBuilder();
        results.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                var array = Json.createArrayBuilder();
                list.forEach(e -> {
                    if (e instanceof Map<?, ?> m) {
                        array.add(Json.createObjectBuilder((Map<String, Object>) m));
                    } else {
                        array.add(((Number) e).doubleValue());
                    }
                });
                json.add(k, array);
            } else if (v instanceof Number n) {
                json.add(k, n.doubleValue());
            } else {
                json.add(k, String.valueOf(v));
            }
        });
        Files.writeString(out.resolve("database.json"), json.build().toString() + "\n");
        double dump = median((List<Double>) results.get("pgDumpUncompressedSeconds"));
        double dumpFile = median((List<Double>) results.get("pgDumpToFileSeconds"));
        double backup = median((List<Double>) results.get("strongroomBackupSeconds"));
        StringBuilder md = new StringBuilder();
        md.append("| measure | value |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| database (pgbench scale %d), PostgreSQL %s | %.0f MiB on disk |%n", SCALE,
                results.get("postgresql"), ((Number) results.get("databaseBytes")).longValue() / MIB));
        md.append(String.format(Locale.ROOT, "| `pg_dump -Fc` to a file (median of %d) | %.2f s, %.0f MiB |%n", ROUNDS, dumpFile,
                ((Number) results.get("dumpFileBytes")).longValue() / MIB));
        md.append(String.format(Locale.ROOT, "| `pg_dump -Fc -Z0` to nothing (median) | %.2f s |%n", dump));
        md.append(String.format(Locale.ROOT, "| Strongroom backup, job end to end (median, first point included) | %.2f s = %.2f× `pg_dump -Z0`, %.2f× `pg_dump` to a file |%n",
                backup, backup / dump, backup / dumpFile));
        for (Object p : (List<?>) results.get("points")) {
            Map<String, Object> row = (Map<String, Object>) p;
            long size = ((Number) row.get("sizeBytes")).longValue();
            long fresh = ((Number) row.get("newBytes")).longValue();
            md.append(String.format(Locale.ROOT, "| point: %s | %.0f MiB dumped, %.1f MiB new (%.1f %%), %.1f MiB stored |%n",
                    row.get("point"), size / MIB, fresh / MIB, 100.0 * fresh / size, ((Number) row.get("storedBytes")).longValue() / MIB));
        }
        md.append(String.format(Locale.ROOT, "| restore: Strongroom into a new database · `pg_restore` from the file | %.2f s · %.2f s |%n",
                ((Number) results.get("restoreStrongroomSeconds")).doubleValue(), ((Number) results.get("restorePgRestoreSeconds")).doubleValue()));
        Files.writeString(out.resolve("database.md"), md.toString());
        System.out.print(md);
    }
}
