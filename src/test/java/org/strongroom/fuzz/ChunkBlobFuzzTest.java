package org.strongroom.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.strongroom.crypto.ChunkSealer;
import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.VaultDataKey;

/** A chunk blob read from a pack, opened under the chunk id the manifest names. */
class ChunkBlobFuzzTest {

    private static final ChunkSealer SEALER = VaultDataKey.of("fuzz-vault", KeyMaterial.copyOf(new byte[32]), null).newSealer();

    @FuzzTest(maxDuration = "5s")
    void open_refusesWithIntegrityException(FuzzedDataProvider data) throws Exception {
        byte[] chunkId = data.consumeBytes(ChunkSealer.ID_LENGTH);
        byte[] blob = data.consumeRemainingAsBytes();
        Untrusted.refusesOnlyWith(() -> SEALER.open(chunkId, blob), IntegrityException.class);
    }
}
