package org.strongroom.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for asynchronous outcomes (jobs run on JMS) with a generous limit; never a speed assertion. */
public final class Await {

    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private Await() {
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        return until(probe, done, what, DEFAULT);
    }

    /** As {@link #until(Supplier, java.util.function.Predicate, String)}, waiting at most {@code patience}. */
    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, String what, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up after " + patience.toSeconds() + " s waiting for " + what
                        + "; last seen: " + value + strongroomThreads());
            }
            sleep();
            value = probe.get();
        }
        return value;
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition::getAsBoolean, Boolean::booleanValue, what);
    }

    /**
     * Where Strongroom's threads are, when this runs inside the server (in-container tests): what a job
     * that does not end is waiting for. Empty in a client JVM.
     */
    private static String strongroomThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean ours = java.util.Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("org.strongroom.")
                    && !frame.getClassName().startsWith("org.strongroom.support."));
            if (ours) {
                dump.append("\n--- ").append(thread.getName()).append(' ').append(thread.getState());
                java.util.Arrays.stream(stack).limit(40).forEach(frame -> dump.append("\n    at ").append(frame));
            }
        });
        return dump.length() == 0 ? serverThreads() : "\nStrongroom threads:" + dump;
    }

    /**
     * The same, from a client JVM: the threads of the test server's JVM (found by its base directory,
     * system property {@code it.server.base}) that run Strongroom code, as {@code jcmd Thread.print} shows them.
     */
    private static String serverThreads() {
        String base = System.getProperty("it.server.base");
        if (base == null) {
            return "";
        }
        StringBuilder dump = new StringBuilder();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Djboss.server.base.dir=" + base)).orElse(false))
                .forEach(server -> {
                    try {
                        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                                Long.toString(server.pid()), "Thread.print").redirectErrorStream(true).start();
                        String all = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        for (String thread : all.split("\n\n")) {
                            if (thread.contains("org.strongroom.") || thread.contains("org.h2.")) {
                                dump.append("\n").append(thread);
                            }
                        }
                    } catch (java.io.IOException e) {
                        dump.append("\n(jcmd failed: ").append(e.getMessage()).append(')');
                    }
                });
        return dump.length() == 0 ? "" : "\nServer threads:" + dump;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
