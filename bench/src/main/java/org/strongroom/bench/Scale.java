package org.strongroom.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale with the data (issue 19): synthetic sets of 1 GiB and 10 GiB (64 MiB files of random bytes,
 * generated here and deleted afterwards), each backed up into a vault of its own while the server's heap
 * is sampled (jcmd GC.heap_info every half second); an incremental of the 10 GiB set after 1 % of its files
 * changed; then one backup of the 1 GiB set alone against four at once into four vaults, with
 * {@code GET /api/jobs} at 50 requests/s meanwhile.
 */
final class Scale {

    private static final int FILE_MIB = 64;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Strongroom server;
    private final Path work;
    private final Path javaHome;

    Scale(Strongroom server, Path work, Path javaHome) {
        this.server = server;
        this.work = work;
        this.javaHome = javaHome;
    }

    Map<String, Object> run() throws Exception {
        Path root = work.resolve("data-scale");
        DataSet.deleteTree(root);
        Path small = generate(root.resolve("1g"), 1024 / FILE_MIB, 1);
        Path large = generate(root.resolve("10g"), 10 * 1024 / FILE_MIB, 2);
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Timed one = backup("scale-1g", small, true);
            Timed ten = backup("scale-10g", large, true);
            double perGiB1 = one.seconds();
            double perGiB10 = ten.seconds() / 10;
            answer.put("secondsPerGiB1", perGiB1);
            answer.put("secondsPerGiB10", perGiB10);
            answer.put("perGiBRatio10to1", perGiB10 / perGiB1);
            answer.put("maxHeapUsedMiB", Math.max(one.maxHeapMiB(), ten.maxHeapMiB()));
            changeOnePercent(large);
            Timed incremental = backup("scale-10g", large, false);
            answer.put("incrementalShare10", incremental.seconds() / ten.seconds());
            BenchRun.log("Scale: " + answer);

            Timed alone = backup("conc-0", small, true);
            List<String> vaults = List.of("conc-1", "conc-2", "conc-3", "conc-4");
            for (String vault : vaults) {
                String kid = server.keyVaultWithKey("kv-" + vault, "kek");
                server.cmkVault(vault, "kv-" + vault, kid);
                server.item(vault, "tree", "Files", small);
            }
            Latency latency = Latency.start(server, 50);
            long start = System.nanoTime();
            server.runTogether(vaults.stream().map(v -> new String[] {"POST", "/api/vaults/" + v + "/items/tree/backup", ""}).toList());
            double together = (System.nanoTime() - start) / 1e9;
            Map<String, Object> requests = latency.stop();
            answer.put("oneBackupSeconds", alone.seconds());
            answer.put("fourBackupsSeconds", together);
            answer.put("throughputFourOverOne", 4 * alone.seconds() / together);
            answer.put("jobsListDuringFour", requests);
            BenchRun.log("Concurrency: " + answer);
        } finally {
            DataSet.deleteTree(root);
        }
        return answer;
    }

    private record Timed(double seconds, double maxHeapMiB) {
    }

    /** A backup of {@code source} into {@code vault} (set up first when {@code fresh}), with the heap sampled. */
    private Timed backup(String vault, Path source, boolean fresh) throws Exception {
        if (fresh) {
            String kid = server.keyVaultWithKey("kv-" + vault, "kek");
            server.cmkVault(vault, "kv-" + vault, kid);
            server.item(vault, "tree", "Files", source);
        }
        AtomicLong maxKib = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        String pid = Long.toString(server.java().pid());
        sampler.scheduleAtFixedRate(() -> maxKib.accumulateAndGet(heapUsedKib(pid), Math::max), 0, 500, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            server.runTogether(List.<String[]>of(new String[] {"POST", "/api/vaults/" + vault + "/items/tree/backup", ""}));
        } finally {
            sampler.shutdownNow();
        }
        return new Timed((System.nanoTime() - start) / 1e9, maxKib.get() / 1024.0);
    }

    private long heapUsedKib(String pid) {
        try {
            Process jcmd = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), pid, "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            Matcher used = HEAP_USED.matcher(out);
            return used.find() ? Long.parseLong(used.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private static Path generate(Path directory, int files, long seed) throws IOException {
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1024 * 1024];
        for (int i = 0; i < files; i++) {
            try (OutputStream out = Files.newOutputStream(directory.resolve("f" + i + ".bin"))) {
                for (int mib = 0; mib < FILE_MIB; mib++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
        return directory;
    }

    /** 4 KiB rewritten in the middle of 1 % of the files (at least one). */
    private static void changeOnePercent(Path directory) throws IOException {
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = new ArrayList<>(listing.sorted().toList());
        }
        byte[] patch = new byte[4096];
        new SplittableRandom(9).nextBytes(patch);
        for (int i = 0; i < Math.max(1, files.size() / 100); i++) {
            try (RandomAccessFile file = new RandomAccessFile(files.get(i * 100 % files.size()).toFile(), "rw")) {
                file.seek(file.length() / 2);
                file.write(patch);
            }
        }
    }
}
