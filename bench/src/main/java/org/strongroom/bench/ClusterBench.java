package org.strongroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.json.Json;

/**
 * Backup throughput of one node against two (docs/benchmarks.md, "Cluster"): eight backups at once of eight
 * trees into a vault in an S3 bucket (S3Proxy on its filesystem store), on node A alone, then with node B in the
 * cluster (requests to both in turn), both sharing a PostgreSQL database. Each round uses a new vault, so
 * every backup stores all its data; rounds alternate one and two nodes. On a machine of two cores the two
 * nodes share the same cores with S3Proxy and PostgreSQL: the figure shows what a second node costs or brings
 * there, not what a second machine would. Writes bench/results/cluster.json and cluster.md; run it with
 * {@code bash bench/cluster.sh}.
 */
public final class ClusterBench {

    private static final int BACKUPS = 8;
    private static final int FILE_MIB = 48;
    private static final int ROUNDS = Integer.getInteger("bench.cluster.rounds", 3);
    private static final int NODE_A = 200;
    private static final int NODE_B = 300;
    private static final String DB = "strongroom_bench_cluster";

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = project.resolve("target/bench-cluster");
        DataSet.deleteTree(work);
        List<Path> trees = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(8);
        byte[] block = new byte[1024 * 1024];
        for (int i = 0; i < BACKUPS; i++) {
            Path tree = Files.createDirectories(work.resolve("trees/t" + i));
            try (var out = Files.newOutputStream(tree.resolve("data.bin"))) {
                for (int mib = 0; mib < FILE_MIB; mib++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            trees.add(tree);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
             Statement statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DB);
        }
        Emulators.Emulator s3 = Emulators.s3Proxy(project, work);
        String storage = s3.storage();
        Map<String, String> env = new HashMap<>(Map.of(
                "STRONGROOM_DB_DRIVER", "postgresql", "STRONGROOM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "STRONGROOM_DB_USER", "postgres", "STRONGROOM_DB_PASSWORD", "postgres",
                "STRONGROOM_CLUSTER_MEMBERS", "127.0.0.1[" + (7600 + NODE_A) + "],127.0.0.1[" + (7600 + NODE_B) + "]",
                "STRONGROOM_CLUSTER_PASSWORD", "bench-cluster-42",
                "STRONGROOM_MASTER_KEYSTORE", work.resolve("secrets/platform-master-key.p12").toString(),
                "STRONGROOM_MASTER_KEYSTORE_PASSWORD", "bench-keystore-42",
                "STRONGROOM_TENANT_ID", "6d2f3c1a-5b7e-4c9d-8e1f-2a3b4c5d6e7f"));
        Files.createDirectories(work.resolve("secrets"));
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        try (Strongroom a = Strongroom.startNode(project, javaHome, work.resolve("node-a"), NODE_A, env, "node-a")) {
            for (int round = 0; round < ROUNDS; round++) {
                one.add(round(List.of(a), "one-" + round, storage, trees));
            }
            try (Strongroom b = Strongroom.startNode(project, javaHome, work.resolve("node-b"), NODE_B, env, "node-b")) {
                for (int round = 0; round < ROUNDS; round++) {
                    two.add(round(List.of(a, b), "two-" + round, storage, trees));
                }
            }
        } finally {
            s3.process().destroy();
        }
        write(project.resolve("bench/results"), one, two);
    }

    /** Eight backups at once into a new vault, requested on {@code nodes} in turn; answers the seconds until all ended. */
    private static double round(List<Strongroom> nodes, String vault, String storage, List<Path> trees) throws Exception {
        Strongroom first = nodes.get(0);
        first.call("PUT", "/api/vaults/" + vault, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\",\"resourceGroup\":\"rg\",\"storage\":"
                + storage + "}");
        for (int i = 0; i < trees.size(); i++) {
            first.item(vault, "t" + i, "Files", trees.get(i));
        }
        long start = System.nanoTime();
        List<String[]> ids = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            Strongroom node = nodes.get(i % nodes.size());
            ids.add(new String[] {String.valueOf(i % nodes.size()),
                    node.call("POST", "/api/vaults/" + vault + "/items/t" + i + "/backup", "{}").getString("id")});
        }
        for (String[] id : ids) {
            nodes.get(Integer.parseInt(id[0])).awaitJob(id[1]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchRun.log(vault + ": " + trees.size() + " backups on " + nodes.size() + " node(s) in " + String.format(Locale.ROOT, "%.2f", seconds) + " s");
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path out, List<Double> one, List<Double> two) throws IOException {
        Files.createDirectories(out);
        double mib = (double) BACKUPS * FILE_MIB;
        var json = Json.createObjectBuilder().add("backups", BACKUPS).add("mibEach", FILE_MIB).add("cores", Runtime.getRuntime().availableProcessors());
        var a = Json.createArrayBuilder();
        one.forEach(a::add);
        var b = Json.createArrayBuilder();
        two.forEach(b::add);
        json.add("oneNodeSeconds", a).add("twoNodesSeconds", b);
        Files.writeString(out.resolve("cluster.json"), json.build().toString() + "\n");
        String md = String.format(Locale.ROOT, """
                %d backups at once of %d MiB each (random, into S3Proxy), %d rounds each, medians; %d cores shared by every process

                | nodes | time | MiB/s | ÷ one node |
                |---|---|---|---|
                | 1 | %.2f s | %.0f | 1.00× |
                | 2 | %.2f s | %.0f | %.2f× |
                """, BACKUPS, FILE_MIB, ROUNDS, Runtime.getRuntime().availableProcessors(), median(one), mib / median(one),
                median(two), mib / median(two), median(one) / median(two));
        Files.writeString(out.resolve("cluster.md"), md);
        System.out.print(md);
    }
}
