package org.strongroom.backup.infra;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.strongroom.crypto.CryptoWarmup;

/** Warms the chunk crypto up in the background when the server starts ({@link CryptoWarmup}). */
@Startup
@Singleton
public class CryptoWarmupAtStart {

    private static final Logger LOG = Logger.getLogger(CryptoWarmupAtStart.class.getName());
    private static final Duration CAP = Duration.ofSeconds(30);

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        executor.execute(() -> {
            long start = System.nanoTime();
            double speed = CryptoWarmup.run(CAP);
            LOG.info(() -> String.format("Chunk crypto warmed up in %.1f s: %.0f MiB/s sealed and opened on one core",
                    (System.nanoTime() - start) / 1e9, speed));
        });
    }
}
