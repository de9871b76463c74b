package org.strongroom.crypto;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * Brings the JIT to full speed on the chunk crypto before the first job needs it. The JDK's AES-GCM
 * runs ~60× slower until C2 has compiled its intrinsics, which for 1 MiB decryptions takes several
 * seconds of continuous work (docs/benchmarks.md); a first restore or verify after a start would pay for
 * that. This seals and opens 1 MiB chunks under a throwaway key, off the request path, until opening
 * runs at full speed or the time is up.
 */
public final class CryptoWarmup {

    private static final int CHUNK = 1024 * 1024;
    /** MiB/s of seal-and-open pairs above which the intrinsics are in use (cold: ~40, warm: ~900 on 2024 x86). */
    private static final double FULL_SPEED_MIB_PER_SECOND = 400;

    private CryptoWarmup() {
    }

    /** Works until sealing and opening chunks is fast (twice in a row) or {@code cap} passes; answers the last speed, MiB/s. */
    public static double run(Duration cap) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (KeyMaterial dataKey = KeyMaterial.wrap(secret); VaultDataKey keys = VaultDataKey.of("warm-up", dataKey, null)) {
            ChunkSealer sealer = keys.newSealer();
            byte[] chunk = new byte[CHUNK];
            new SecureRandom().nextBytes(chunk);
            byte[] id = sealer.chunkId(chunk, 0, CHUNK);
            byte[] blob = new byte[sealer.blobLength(CHUNK)];
            sealer.seal(id, chunk, 0, CHUNK, blob, 0);
            long deadline = System.nanoTime() + cap.toNanos();
            int fastRounds = 0;
            double speed = 0;
            while (System.nanoTime() < deadline && fastRounds < 2) {
                long start = System.nanoTime();
                for (int i = 0; i < 8; i++) {
                    sealer.open(id, blob);
                    sealer.seal(id, chunk, 0, CHUNK, blob, 0);
                }
                speed = 8.0 / ((System.nanoTime() - start) / 1e9);
                fastRounds = speed >= FULL_SPEED_MIB_PER_SECOND ? fastRounds + 1 : 0;
            }
            return speed;
        }
    }
}
