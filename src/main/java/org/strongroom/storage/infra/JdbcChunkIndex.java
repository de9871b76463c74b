package org.strongroom.storage.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.ChunkId;
import org.strongroom.storage.domain.ChunkIndex;
import org.strongroom.storage.domain.ChunkRef;

/**
 * The chunk index on JDBC, in batches: a vault's index may hold millions of rows, more than is worth
 * loading as entities. Connections come from the JTA datasource and join the caller's transaction.
 */
@ApplicationScoped
public class JdbcChunkIndex implements ChunkIndex {

    private static final int BATCH = 1000;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    @Override
    public Map<ChunkId, ChunkRef> chunks(VaultName vault) {
        Map<ChunkId, ChunkRef> chunks = new HashMap<>();
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT chunk_id, pack_id, pack_offset, stored_length, plain_length"
                     + " FROM stored_chunk WHERE vault = ?")) {
            select.setFetchSize(BATCH);
            select.setString(1, vault.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ChunkId id = new ChunkId(rows.getBytes(1));
                    chunks.put(id, new ChunkRef(id, rows.getObject(2, UUID.class), rows.getLong(3), rows.getInt(4), rows.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the chunk index of " + vault + ": " + e.getMessage(), e);
        }
        return chunks;
    }

    @Override
    public void recordPoint(VaultName vault, UUID recoveryPoint, Map<UUID, Long> newPacks, Collection<ChunkRef> newChunks,
                            Set<UUID> usedPacks) {
        try (Connection c = database.getConnection()) {
            insertPacks(c, vault, newPacks);
            insertChunks(c, vault, newChunks);
            try (PreparedStatement use = c.prepareStatement(
                    "INSERT INTO recovery_point_pack (recovery_point_id, pack_id) VALUES (?, ?)")) {
                for (UUID pack : usedPacks) {
                    use.setObject(1, recoveryPoint);
                    use.setObject(2, pack);
                    use.addBatch();
                }
                use.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record recovery point " + recoveryPoint + ": " + e.getMessage(), e);
        }
    }

    private static void insertPacks(Connection c, VaultName vault, Map<UUID, Long> newPacks) throws SQLException {
        try (PreparedStatement pack = c.prepareStatement(
                "INSERT INTO stored_pack (id, vault, length, created) VALUES (?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Map.Entry<UUID, Long> entry : newPacks.entrySet()) {
                pack.setObject(1, entry.getKey());
                pack.setString(2, vault.value());
                pack.setLong(3, entry.getValue());
                pack.setTimestamp(4, now);
                pack.addBatch();
            }
            pack.executeBatch();
        }
    }

    private static void insertChunks(Connection c, VaultName vault, Collection<ChunkRef> newChunks) throws SQLException {
        try (PreparedStatement chunk = c.prepareStatement("INSERT INTO stored_chunk"
                + " (vault, chunk_id, pack_id, pack_offset, stored_length, plain_length) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (ChunkRef ref : newChunks) {
                chunk.setString(1, vault.value());
                chunk.setBytes(2, ref.id().bytes());
                chunk.setObject(3, ref.pack());
                chunk.setLong(4, ref.offset());
                chunk.setInt(5, ref.storedLength());
                chunk.setInt(6, ref.plainLength());
                chunk.addBatch();
                if (++pending % BATCH == 0) {
                    chunk.executeBatch();
                }
            }
            chunk.executeBatch();
        }
    }

    @Override
    public void forgetPoint(UUID recoveryPoint) {
        update("DELETE FROM recovery_point_pack WHERE recovery_point_id = ?", recoveryPoint);
    }

    @Override
    public Set<UUID> unusedPacks(VaultName vault) {
        return uuids("SELECT p.id FROM stored_pack p WHERE p.vault = ? AND NOT EXISTS"
                + " (SELECT 1 FROM recovery_point_pack u WHERE u.pack_id = p.id)", vault);
    }

    @Override
    public Set<UUID> packs(VaultName vault) {
        return uuids("SELECT id FROM stored_pack WHERE vault = ?", vault);
    }

    @Override
    public void removePacks(VaultName vault, Collection<UUID> packs) {
        for (UUID pack : packs) {
            update("DELETE FROM stored_chunk WHERE pack_id = ?", pack);
            update("DELETE FROM stored_pack WHERE id = ?", pack);
        }
    }

    private Set<UUID> uuids(String sql, VaultName vault) {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, vault.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return ids;
    }

    private void update(String sql, UUID id) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
