package org.strongroom.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-core crypto limit: what every new byte of a backup passes through — its chunk id
 * (HMAC-SHA-256) and its encryption (AES-256-GCM with a fresh random nonce), with the JDK's provider, on
 * 1 MiB chunks (the average chunk), one thread. Bytes per second of this is the ceiling of one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChunkCryptoBenchmark {

    static final int CHUNK = 1024 * 1024;

    private final byte[] chunk = new byte[CHUNK];
    private final byte[] out = new byte[CHUNK + 16];
    private final byte[] nonce = new byte[12];
    private final SecureRandom random = new SecureRandom();
    private Mac idMac;
    private Cipher cipher;
    private SecretKey key;

    @Setup
    public void setUp() throws GeneralSecurityException {
        new SplittableRandom(1).nextBytes(chunk);
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        key = new SecretKeySpec(keyBytes, "AES");
        idMac = Mac.getInstance("HmacSHA256");
        idMac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** One chunk: id, then sealed. The score is chunks per second; times {@link #CHUNK} it is bytes per second. */
    @Benchmark
    public int chunkIdAndSeal() throws GeneralSecurityException {
        byte[] id = idMac.doFinal(chunk);
        random.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(id);
        return cipher.doFinal(chunk, 0, chunk.length, out, 0);
    }

    @Benchmark
    public byte[] chunkIdOnly() {
        return idMac.doFinal(chunk);
    }

    @Benchmark
    public int sealOnly() throws GeneralSecurityException {
        random.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(chunk, 0, chunk.length, out, 0);
    }
}
