package org.strongroom.storage.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.platform.VaultName;
import org.strongroom.storage.domain.VaultStore;
import org.strongroom.storage.domain.VaultStoreRepository;

/** The vaults' object stores on JDBC, joining the caller's transaction. */
@ApplicationScoped
public class JdbcVaultStores implements VaultStoreRepository {

    private static final String COLUMNS = "vault, store_type, endpoint, region, account, container, sealed_secret";

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    @Override
    public Optional<VaultStore> find(VaultName vault) {
        List<VaultStore> found = query("SELECT " + COLUMNS + " FROM vault_store WHERE vault = ?", vault.value());
        return found.stream().findFirst();
    }

    @Override
    public List<VaultStore> all() {
        return query("SELECT " + COLUMNS + " FROM vault_store ORDER BY vault", null);
    }

    private List<VaultStore> query(String sql, String vault) {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            if (vault != null) {
                select.setString(1, vault);
            }
            List<VaultStore> stores = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stores.add(new VaultStore(VaultName.of(rows.getString(1)), VaultStore.Type.valueOf(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getBytes(7)));
                }
            }
            return stores;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the vaults' stores: " + e.getMessage(), e);
        }
    }

    @Override
    public void add(VaultStore store) {
        update("INSERT INTO vault_store (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, store.vault().value());
            statement.setString(2, store.type().name());
            statement.setString(3, store.endpoint());
            statement.setString(4, store.region());
            statement.setString(5, store.account());
            statement.setString(6, store.container());
            statement.setBytes(7, store.sealedSecret());
        });
    }

    @Override
    public void remove(VaultName vault) {
        update("DELETE FROM vault_store WHERE vault = ?", statement -> statement.setString(1, vault.value()));
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binding binding) {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            binding.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the vaults' stores: " + e.getMessage(), e);
        }
    }
}
