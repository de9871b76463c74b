package org.strongroom.restore.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.postgresql.PostgresConnection;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;

/**
 * Restores a database point: creates the roles its archive names that the server lacks (without login),
 * restores the archive with {@code pg_restore} into a staging database, streamed chunk by chunk from the
 * store — no plaintext file — and only when that succeeded puts it in the target's place (dropping the
 * target first when {@code overwrite} allows it). Whatever fails, the staging database is dropped: the
 * target is either untouched or the complete restored database.
 */
public final class DatabaseWriter {

    private DatabaseWriter() {
    }

    /** The two files of a database point. */
    public record Point(Manifest.Entry dump, Manifest.Entry roles) {
    }

    /** The database point's files, found by the names the backup gave them. */
    public static Point point(Manifest manifest, String dumpFile, String rolesFile) {
        Manifest.Entry dump = null;
        Manifest.Entry roles = null;
        for (Manifest.Entry entry : manifest.entries()) {
            if (entry.path().equals(dumpFile)) {
                dump = entry;
            } else if (entry.path().equals(rolesFile)) {
                roles = entry;
            }
        }
        if (dump == null || roles == null) {
            throw new IllegalStateException("The recovery point holds no " + dumpFile + " and " + rolesFile);
        }
        return new Point(dump, roles);
    }

    /**
     * Restores {@code point} into {@code target} on {@code server}; {@code jobId} names the staging database.
     * Answers what the caller should know (roles created).
     */
    public static List<String> write(Point point, PostgresConnection server, String target, boolean overwrite, UUID jobId,
                                     Function<ChunkRef, byte[]> chunks, RestoreProgress progress) {
        List<String> notes = new ArrayList<>();
        for (String role : server.missingRoles(roles(point.roles(), chunks))) {
            server.createRole(role);
            notes.add("role " + role + " did not exist on the server: created without login, as the owner or grantee "
                    + "the database names");
        }
        String staging = "strongroom_restore_" + jobId.toString().replace("-", "");
        server.createDatabase(staging);
        try {
            long total = point.dump().size();
            long[] done = {0};
            server.restore(staging, in -> {
                for (ChunkRef ref : point.dump().chunks()) {
                    byte[] plain = chunks.apply(ref);
                    in.write(plain);
                    done[0] += plain.length;
                    Arrays.fill(plain, (byte) 0);
                    progress.update(done[0], total);
                }
            });
            if (server.databaseExists(target)) {
                if (!overwrite) {
                    throw exists(server.source().withDatabase(target));
                }
                server.dropDatabase(target);
            }
            server.renameDatabase(staging, target);
            return notes;
        } catch (RuntimeException e) {
            try {
                server.dropDatabase(staging);
            } catch (RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
    }

    /** The refusal for a database that exists, when the restore may not replace it. */
    public static StrongroomException exists(PostgresSource database) {
        return new StrongroomException(ErrorCode.UserErrorRestoreTargetExists, "Database " + database + " exists: restore "
                + "into another target.database, or (as an admin) add \"overwrite\": true to replace it with the recovery "
                + "point's", "target.database");
    }

    private static List<String> roles(Manifest.Entry entry, Function<ChunkRef, byte[]> chunks) {
        StringBuilder text = new StringBuilder();
        for (ChunkRef ref : entry.chunks()) {
            text.append(new String(chunks.apply(ref), StandardCharsets.UTF_8));
        }
        return text.isEmpty() ? List.of() : List.of(text.toString().split("\n"));
    }
}
