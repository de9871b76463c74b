package org.strongroom.storage.infra;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.strongroom.storage.domain.ChunkStore;

/**
 * The server's chunk store: {@code STRONGROOM_STORE_DIR}, by default
 * {@code ${jboss.server.data.dir}/strongroom/store}.
 */
@ApplicationScoped
public class ChunkStoreProducer {

    private final ChunkStore store = new FileSystemChunkStore(location());

    @Produces
    @ApplicationScoped
    ChunkStore chunkStore() {
        return store;
    }

    static Path location() {
        String configured = System.getenv("STRONGROOM_STORE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", "."), "strongroom", "store");
    }
}
