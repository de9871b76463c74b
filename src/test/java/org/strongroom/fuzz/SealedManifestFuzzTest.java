package org.strongroom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.VaultDataKey;

/** A sealed manifest as the store holds it, opened with a vault's keys (both layers). */
class SealedManifestFuzzTest {

    private static final VaultDataKey KEYS = VaultDataKey.of("fuzz-vault", KeyMaterial.copyOf(new byte[32]),
            KeyMaterial.copyOf(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
                    25, 26, 27, 28, 29, 30, 31, 32}));

    @FuzzTest(maxDuration = "5s")
    void openManifest_refusesWithIntegrityException(byte[] sealed) throws Exception {
        Untrusted.refusesOnlyWith(() -> KEYS.openManifest(sealed, "files1", "rp-1"), IntegrityException.class);
    }
}
