package org.strongroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a warm server spends its CPU in backup, restore and verify of the bench's data set: one JFR
 * recording (settings "profile") per phase, taken with jcmd around the phase after a warm-up round, then
 * the hottest methods by own samples and by samples under them. docs/benchmarks.md quotes these tables.
 *
 * <p>{@code java -cp bench/target/strongroom-bench.jar org.strongroom.bench.Profile [project]}; the
 * recordings stay in target/bench/profile-*.jfr for JDK Mission Control.
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
        Path javaHome = Path.of(System.getProperty("java.home"));
        try (Strongroom server = Strongroom.start(project, javaHome, work.resolve("server-profile"))) {
            Phases phases = new Phases(server, data, work);
            phases.backup("warm");
            phases.restore("warm");
            Path jcmd = javaHome.resolve("bin/jcmd");
            long pid = server.java().pid();
            for (String phase : List.of("backup", "restore", "verify")) {
                Path recording = work.resolve("profile-" + phase + ".jfr");
                Tool.run(work, Map.of(), jcmd.toString(), Long.toString(pid), "JFR.start", "name=" + phase, "settings=profile");
                switch (phase) {
                    case "backup" -> phases.backup("p");
                    case "restore" -> phases.restore("p");
                    default -> phases.verify("p");
                }
                Tool.run(work, Map.of(), jcmd.toString(), Long.toString(pid), "JFR.stop", "name=" + phase,
                        "filename=" + recording);
                summarize(phase, recording);
            }
        }
    }

    /** The 25 methods with the most samples of their own, and the 25 with the most samples under them. */
    static void summarize(String phase, Path recording) throws IOException {
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> under = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            own.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (seen.add(name(frame))) {
                    under.merge(name(frame), 1, Integer::sum);
                }
            }
        }
        System.out.println("\n== " + phase + ": " + samples + " CPU samples (" + recording + ")");
        print("own", own, samples);
        print("under", under, samples);
    }

    private static void print(String title, Map<String, Integer> counts, int samples) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(25)
                .forEach(e -> System.out.printf("%5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
