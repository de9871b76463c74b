package org.strongroom.backup.app;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.strongroom.postgresql.PostgresConnection;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest.Entry;

/**
 * Backs up a PostgreSQL database as two files of a tree: {@code <database>.dump}, the archive {@code pg_dump}
 * writes (custom format, uncompressed, one consistent snapshot), chunked as it streams — never written to a
 * file — so that unchanged tables deduplicate between points; and {@code <database>.roles}, the roles its
 * objects name as owner or grantee, one per line, which a restore creates where they are missing. A dump
 * that does not end well fails the backup: no recovery point.
 */
final class DatabaseBackup {

    /** The mode the files of a database point are restored with (owner only: a dump holds all the data). */
    private static final int MODE = 0600;

    private final ChunkReader reader;

    DatabaseBackup(FastCdc chunker) {
        this.reader = new ChunkReader(chunker);
    }

    List<Entry> run(PostgresConnection database, ChunkPipeline pipeline, LongConsumer progress) throws IOException {
        long now = System.currentTimeMillis();
        byte[] roles = String.join("\n", database.rolesUsed()).getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<ChunkRef>> roleChunks = roles.length == 0 ? List.of() : List.of(pipeline.submit(roles, roles.length));
        ChunkReader.Chunked dump;
        try (PostgresConnection.Dump running = database.dump()) {
            dump = reader.submit(Channels.newChannel(running.stream()), pipeline, progress);
            running.finish();
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.directory("", 0700, now));
        entries.add(Entry.file(database.source().dumpFile(), MODE, now, 0, 0, dump.bytes(), joined(dump.chunks())));
        entries.add(Entry.file(database.source().rolesFile(), MODE, now, 0, 0, roles.length, joined(roleChunks)));
        return entries;
    }

    private static List<ChunkRef> joined(List<CompletableFuture<ChunkRef>> chunks) {
        return chunks.stream().map(CompletableFuture::join).toList();
    }
}
