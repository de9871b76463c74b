package org.strongroom.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/** What one run measured: written as latest.json, latest.md (the table for docs) and throughput.png. */
final class Results {

    private static final String[] TOOLS = {"strongroom", "restic", "borg"};
    private static final Color[] COLORS = {new Color(0x1f5fbf), new Color(0x8a8f98), new Color(0xc98a1a)};

    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        values.put(key, value);
    }

    void machine(Path java17, Path java25) throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(0.0));
        machine.put("kernel", System.getProperty("os.version"));
        machine.put("java17", Tool.version(java17.resolve("bin/java").toString(), "-version"));
        machine.put("java25", java25 == null ? "not available" : Tool.version(java25.resolve("bin/java").toString(), "-version"));
        machine.put("restic", Tool.version("restic", "version"));
        machine.put("borg", Tool.version("borg", "--version"));
        values.put("machine", machine);
    }

    /**
     * One phase for the tools: seconds, MiB/s of the data set, and Strongroom's speed-up over each
     * ({@code borg} null where borg is not measured).
     */
    void tools(String phase, long bytes, Duration strongroom, Duration restic, Duration borg) {
        Map<String, Object> row = new LinkedHashMap<>();
        Duration[] times = {strongroom, restic, borg};
        for (int i = 0; i < TOOLS.length; i++) {
            if (times[i] != null) {
                row.put(TOOLS[i], Map.of("seconds", times[i].toMillis() / 1000.0, "mibPerSecond", BenchRun.mibPerSecond(bytes, times[i])));
            }
        }
        row.put("strongroomOverRestic", BenchRun.ratio(restic, strongroom));
        if (borg != null) {
            row.put("strongroomOverBorg", BenchRun.ratio(borg, strongroom));
        }
        values.put(phase, row);
    }

    /** Strongroom's first backup per busy core, against the JMH crypto limit of the same JDK. */
    void perCore(String jdk, Phases.Measured backup, long bytes, Map<String, Double> crypto) {
        Map<String, Object> row = new LinkedHashMap<>();
        double cpuSeconds = backup.cpu().toMillis() / 1000.0;
        double wallSeconds = backup.wall().toNanos() / 1e9;
        double perCore = bytes / cpuSeconds;
        row.put("wallSeconds", wallSeconds);
        row.put("cpuSeconds", cpuSeconds);
        row.put("busyCores", cpuSeconds / wallSeconds);
        row.put("mibPerSecond", bytes / 1048576.0 / wallSeconds);
        row.put("mibPerBusyCoreSecond", perCore / 1048576.0);
        if (crypto != null) {
            double limit = crypto.get("chunkIdAndSeal");
            row.put("cryptoLimitMibPerSecond", limit / 1048576.0);
            row.put("hmacOnlyMibPerSecond", crypto.get("chunkIdOnly") / 1048576.0);
            row.put("gcmOnlyMibPerSecond", crypto.get("sealOnly") / 1048576.0);
            row.put("shareOfCryptoLimit", perCore / limit);
        }
        values.put("perCore." + jdk, row);
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringWriter json = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(json)) {
            writer.writeObject(toJson(values).asJsonObject());
        }
        Files.writeString(directory.resolve("latest.json"), json.toString());
        Files.writeString(directory.resolve("latest.md"), markdown());
        chart(directory.resolve("throughput.png"));
    }

    @SuppressWarnings("unchecked")
    private static JsonValue toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            ((Map<String, Object>) map).forEach((k, v) -> object.add(k, toJson(v)));
            return object.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(v -> array.add(toJson(v)));
            return array.build();
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Json.createValue(Math.round(number.doubleValue() * 1000) / 1000.0);
        }
        return value == null ? JsonValue.NULL : Json.createValue(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        return (Map<String, Object>) values.get(key);
    }

    @SuppressWarnings("unchecked")
    private static double number(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return ((Number) value).doubleValue();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| phase | Strongroom | restic | borg | Strongroom ÷ restic (speed) | Strongroom ÷ borg (speed) |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (String phase : List.of("firstBackup", "incrementalBackup", "restore", "verify", "diskRestore")) {
            row(md, phase, map(phase));
        }
        md.append(Boolean.TRUE.equals(values.get("coldCache"))
                ? "\nRestores and verifies start from a cold page cache (synced and dropped before each tool's run).\n"
                : "\nRestores and verifies ran with whatever the page cache held (the bench was not root: caches not dropped).\n");
        Map<String, Object> stored = map("storeBytes");
        md.append(String.format("%nStore size after both backups: Strongroom %.0f MiB, restic %.0f MiB, borg %.0f MiB "
                + "(Strongroom ÷ restic %.2f).%n", number(stored, "strongroom") / 1048576, number(stored, "restic") / 1048576,
                number(stored, "borg") / 1048576, number(stored, "strongroom") / number(stored, "restic")));
        Map<String, Object> shapes = map("shapesDataSet");
        if (shapes != null) {
            md.append(String.format("%nThe second data set (%d files: 100,000 under 4 KiB and one 2 GiB file, %.0f MiB):%n%n",
                    ((Number) shapes.get("files")).intValue(), number(shapes, "treeBytes") / 1048576));
            md.append("| phase | Strongroom | restic | borg | Strongroom ÷ restic (speed) | Strongroom ÷ borg (speed) |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (String phase : List.of("shapes.backup", "shapes.restore", "shapes.verify")) {
                row(md, phase, map(phase));
            }
        }
        Map<String, Object> cpu = map("cpuSeconds");
        if (cpu != null) {
            md.append("\nCPU time of each phase (Strongroom: its server's JVM, every thread; restic: its process), against the "
                    + "wall-clock ratio above — on two cores a tool cannot be much faster than the CPU it spends allows:\n\n");
            md.append("| phase | Strongroom CPU | restic CPU | restic ÷ Strongroom (CPU) | Strongroom ÷ restic (speed) |\n");
            md.append("|---|---|---|---|---|\n");
            cpu.forEach((phase, tools) -> md.append(String.format("| %s | %.1f s | %.1f s | %.2f× | %.2f× |%n", phase,
                    number(cpu, phase, "strongroom"), number(cpu, phase, "restic"),
                    number(cpu, phase, "restic") / number(cpu, phase, "strongroom"), number(map(phase), "strongroomOverRestic"))));
        }
        Map<String, Object> scale = map("scale");
        if (scale != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> during = (Map<String, Object>) scale.get("jobsListDuringFour");
            md.append(String.format("%nScale (random data, 64 MiB files): backup %.2f s per GiB at 1 GiB, %.2f s per GiB at 10 GiB "
                    + "(ratio %.2f); the server's heap at most %.0f MiB used; incremental after 1 %% of the 10 GiB changed: "
                    + "%.1f %% of the first. One backup of 1 GiB alone %.1f s, four at once into four vaults %.1f s: "
                    + "throughput of four ÷ one %.2f; GET /api/jobs?limit=50 at 50/s meanwhile p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms (%d requests, %d errors).%n",
                    number(scale, "secondsPerGiB1"), number(scale, "secondsPerGiB10"), number(scale, "perGiBRatio10to1"),
                    number(scale, "maxHeapUsedMiB"), 100 * number(scale, "incrementalShare10"), number(scale, "oneBackupSeconds"),
                    number(scale, "fourBackupsSeconds"), number(scale, "throughputFourOverOne"), number(during, "p50Millis"),
                    number(during, "p99Millis"), number(during, "maxMillis"), ((Number) during.get("requests")).intValue(),
                    ((Number) during.get("errors")).intValue()));
        }
        Map<String, Object> cold = map("coldStart");
        if (cold != null) {
            md.append(String.format("%nRight after the server starts (cold JIT, the warm-up run): Strongroom backup %.1f s (%.0f MiB/s), "
                    + "restore %.1f s (%.0f MiB/s). The table measures the warm server.%n", number(cold, "backupSeconds"),
                    number(cold, "backupMibPerSecond"), number(cold, "restoreSeconds"), number(cold, "restoreMibPerSecond")));
        }
        Map<String, Object> share = map("incrementalShare");
        md.append(String.format("%nIncremental backup (%d files changed) as a share of the first: Strongroom %.1f %%, restic %.1f %%, borg %.1f %%.%n",
                ((Number) share.get("changedFiles")).intValue(), 100 * number(share, "strongroom"), 100 * number(share, "restic"),
                100 * number(share, "borg")));
        md.append("\n| JDK | backup MiB/s | busy cores | MiB/s per busy core | crypto limit MiB/s (HMAC+GCM, 1 core) | share of limit |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (String jdk : List.of("java17", "java25")) {
            Map<String, Object> row = map("perCore." + jdk);
            if (row == null) {
                continue;
            }
            md.append(String.format("| %s | %.0f | %.2f | %.0f | %s | %s |%n", jdk, number(row, "mibPerSecond"), number(row, "busyCores"),
                    number(row, "mibPerBusyCoreSecond"),
                    row.containsKey("cryptoLimitMibPerSecond") ? String.format("%.0f (HMAC %.0f, GCM %.0f)",
                            number(row, "cryptoLimitMibPerSecond"), number(row, "hmacOnlyMibPerSecond"), number(row, "gcmOnlyMibPerSecond")) : "—",
                    row.containsKey("shareOfCryptoLimit") ? String.format("%.0f %%", 100 * number(row, "shareOfCryptoLimit")) : "—"));
        }
        Map<String, Object> rotation = map("rotation");
        md.append(String.format("%nKey rotation (rotate → job completed, median of 9, the two vaults alternating): 100 MiB vault %.0f ms, whole data set %.0f ms, ratio %.2f.%n",
                number(rotation, "rot-100m", "medianMillis"), number(rotation, "rot-all", "medianMillis"),
                number(rotation, "ratioWholeTo100MiB")));
        Map<String, Object> jobs = map("keyUpdateJobs");
        md.append(String.format("Key-update jobs through JMS: %.0f per minute (%d vaults, %d jobs).%n",
                number(jobs, "jobsPerMinute"), ((Number) jobs.get("vaults")).intValue(), ((Number) jobs.get("completedJobs")).intValue()));
        Map<String, Object> latency = map("jobsListLatency");
        md.append(String.format("GET /api/jobs?limit=50 at %d requests/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests, %d errors).%n",
                ((Number) latency.get("requestsPerSecond")).intValue(), number(latency, "p50Millis"), number(latency, "p99Millis"),
                number(latency, "maxMillis"), ((Number) latency.get("requests")).intValue(), ((Number) latency.get("errors")).intValue()));
        return md.toString();
    }

    private static void row(StringBuilder md, String phase, Map<String, Object> row) {
        md.append("| ").append(phase);
        for (String tool : TOOLS) {
            md.append(row.containsKey(tool)
                    ? String.format(" | %.1f s (%.0f MiB/s)", number(row, tool, "seconds"), number(row, tool, "mibPerSecond"))
                    : " | —");
        }
        md.append(String.format(" | %.2f× | %s |%n", number(row, "strongroomOverRestic"),
                row.containsKey("strongroomOverBorg") ? String.format("%.2f×", number(row, "strongroomOverBorg")) : "—"));
    }

    /** Grouped bars: MiB/s of the data set per phase and tool. */
    private void chart(Path file) throws IOException {
        String[] phases = {"firstBackup", "incrementalBackup", "restore"};
        String[] labels = {"First backup", "Incremental (1 % changed)", "Full restore"};
        int width = 900;
        int height = 480;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double max = 0;
        for (String phase : phases) {
            for (String tool : TOOLS) {
                max = Math.max(max, number(map(phase), tool, "mibPerSecond"));
            }
        }
        max = Math.ceil(max / 100) * 100;
        int left = 80;
        int top = 60;
        int bottom = height - 70;
        int plotWidth = width - left - 30;
        g.setColor(new Color(0x1d2430));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Throughput on the same data set, MiB/s (higher is better)", left, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int tick = 0; tick <= 5; tick++) {
            int y = bottom - (int) ((bottom - top) * tick / 5.0);
            g.setColor(new Color(0xe3e6eb));
            g.drawLine(left, y, left + plotWidth, y);
            g.setColor(new Color(0x5b6575));
            g.drawString(String.format("%.0f", max * tick / 5), 30, y + 4);
        }
        int group = plotWidth / phases.length;
        int bar = group / 5;
        for (int p = 0; p < phases.length; p++) {
            int x0 = left + p * group + bar / 2;
            for (int t = 0; t < TOOLS.length; t++) {
                double value = number(map(phases[p]), TOOLS[t], "mibPerSecond");
                int h = (int) ((bottom - top) * value / max);
                g.setColor(COLORS[t]);
                g.fillRect(x0 + t * (bar + 8), bottom - h, bar, h);
                g.setColor(new Color(0x1d2430));
                g.drawString(String.format("%.0f", value), x0 + t * (bar + 8) + 4, bottom - h - 6);
            }
            g.drawString(labels[p], x0, bottom + 20);
        }
        g.setStroke(new BasicStroke(1));
        for (int t = 0; t < TOOLS.length; t++) {
            g.setColor(COLORS[t]);
            g.fillRect(left + t * 140, height - 30, 14, 14);
            g.setColor(new Color(0x1d2430));
            g.drawString(TOOLS[t], left + t * 140 + 20, height - 19);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
