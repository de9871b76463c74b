package org.strongroom.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for asynchronous outcomes (jobs run on JMS) with a generous limit; never a speed assertion. */
public final class Await {

    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private Await() {
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + DEFAULT.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up after " + DEFAULT.toSeconds() + " s waiting for " + what
                        + "; last seen: " + value);
            }
            sleep();
            value = probe.get();
        }
        return value;
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition::getAsBoolean, Boolean::booleanValue, what);
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
