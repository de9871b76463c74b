package org.strongroom.storage.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.strongroom.platform.Settings;
import org.strongroom.storage.domain.ChunkStore;

/** The server's chunk store, in {@link Settings#storeDirectory()}. */
@ApplicationScoped
public class ChunkStoreProducer {

    @Inject
    Settings settings;

    @Produces
    @ApplicationScoped
    ChunkStore chunkStore() {
        return new FileSystemChunkStore(settings.storeDirectory());
    }
}
