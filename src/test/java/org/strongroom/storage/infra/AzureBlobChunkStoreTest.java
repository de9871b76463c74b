package org.strongroom.storage.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.strongroom.storage.domain.ChunkStore;
import org.strongroom.support.Azurite;
import org.strongroom.support.Names;

/** The chunk store in an Azure Blob Storage container (Azurite, started by the test; skipped where it is not installed). */
class AzureBlobChunkStoreTest extends ObjectChunkStoreContract {

    private static Azurite azurite;
    private static ChunkStore store;

    @BeforeAll
    static void start() {
        azurite = Azurite.start();
        store = AzureBlobObjectStore.connect(azurite.endpoint(), Azurite.ACCOUNT, Azurite.KEY, Names.unique("store-"), true);
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Override
    ChunkStore store() {
        return store;
    }
}
