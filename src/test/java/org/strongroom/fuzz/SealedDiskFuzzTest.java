package org.strongroom.fuzz;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.SealedDisk;

/** The sealed-disk reader: header, then every block, as the recovery tool's unseal reads a file. */
class SealedDiskFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void read_refusesWithIntegrityException(byte[] file) throws Exception {
        Untrusted.refusesOnlyWith(() -> {
            ByteArrayInputStream in = new ByteArrayInputStream(file);
            SealedDisk.Header header = SealedDisk.Header.read(in);
            SealedDisk.open(in, header, KeyMaterial.copyOf(new byte[32]), OutputStream.nullOutputStream());
        }, IntegrityException.class);
    }
}
