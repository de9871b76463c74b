package org.strongroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a warm server spends its CPU in backup, restore and verify of the bench's data set. async-profiler
 * (CPU samples by interval timer, every thread, Java and native frames alike: JFR's sampler drops the
 * samples that land in the JDK's crypto intrinsics) is loaded into the server with jcmd around each phase,
 * after a warm-up round; then the hottest frames by own samples and by samples under them, per phase.
 * docs/benchmarks.md quotes these tables.
 *
 * <p>{@code java -cp bench/target/strongroom-bench.jar org.strongroom.bench.Profile [project]}; the
 * collapsed stacks stay in target/bench/profile-*.collapsed (for a flame graph). JAVA_OPTS, when set, is
 * passed to the server.
 */
public final class Profile {

    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = project.resolve("target/bench");
        DataSet data = new DataSet(work.resolve("data"));
        if (!Files.isDirectory(data.tree)) {
            data.generate(42);
        }
        Path agent = work.resolve("libasyncProfiler.so");
        try (InputStream library = Profile.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            Files.copy(library, agent, StandardCopyOption.REPLACE_EXISTING);
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        Map<String, String> env = System.getenv("JAVA_OPTS") == null ? Map.of() : Map.of("JAVA_OPTS", System.getenv("JAVA_OPTS"));
        try (Strongroom server = Strongroom.start(project, javaHome, work.resolve("server-profile"), Strongroom.OFFSET, env)) {
            Phases phases = new Phases(server, data, work);
            phases.backup("warm");
            phases.restore("warm");
            String jcmd = javaHome.resolve("bin/jcmd").toString();
            String pid = Long.toString(server.java().pid());
            for (String phase : List.of("backup", "restore", "verify")) {
                Path stacks = work.resolve("profile-" + phase + ".collapsed");
                // quoted: jcmd would read "name=value" as an option of its own
                Tool.run(work, Map.of(), jcmd, pid, "JVMTI.agent_load", agent.toString(), "\"start,event=itimer,interval=2ms\"");
                switch (phase) {
                    case "backup" -> phases.backup("prof");
                    case "restore" -> phases.restore("prof");
                    default -> phases.verify("prof");
                }
                Tool.run(work, Map.of(), jcmd, pid, "JVMTI.agent_load", agent.toString(), "\"stop,collapsed,file=" + stacks + "\"");
                summarize(phase, stacks);
            }
        }
    }

    /** The 30 frames with the most samples of their own, and the 40 with the most samples under them. */
    static void summarize(String phase, Path collapsed) throws IOException {
        Map<String, Long> own = new HashMap<>();
        Map<String, Long> under = new HashMap<>();
        long samples = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            samples += count;
            own.merge(frames[frames.length - 1], count, Long::sum);
            Set<String> seen = new HashSet<>();
            for (String frame : frames) {
                if (seen.add(frame)) {
                    under.merge(frame, count, Long::sum);
                }
            }
        }
        System.out.println("\n== " + phase + ": " + samples + " samples of 2 ms (" + collapsed + ")");
        print("own", own, samples, 30);
        print("under", under, samples, 40);
    }

    private static void print(String title, Map<String, Long> counts, long samples, int limit) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(e -> System.out.printf("%5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
