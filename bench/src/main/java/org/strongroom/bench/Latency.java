package org.strongroom.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code GET /api/jobs?limit=50} at a fixed rate (open loop) until stopped: latency percentiles. */
final class Latency {

    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    static Latency start(Strongroom server, int perSecond) {
        Latency latency = new Latency();
        latency.clock.scheduleAtFixedRate(() -> {
            try {
                latency.nanos.add(server.timedGet("/api/jobs?limit=50"));
            } catch (Exception e) {
                latency.errors.add(String.valueOf(e.getMessage()));
            }
        }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
        return latency;
    }

    Map<String, Object> stop() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        List<Double> millis = nanos.stream().map(n -> n / 1e6).sorted().toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requests", millis.size());
        answer.put("errors", errors.size());
        answer.put("p50Millis", millis.isEmpty() ? 0 : millis.get(millis.size() / 2));
        answer.put("p99Millis", millis.isEmpty() ? 0 : millis.get(Math.min(millis.size() - 1, (int) Math.ceil(0.99 * millis.size()) - 1)));
        answer.put("maxMillis", millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
        return answer;
    }
}
