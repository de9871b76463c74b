package org.strongroom.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Brings the database schema up to date when the application starts, before anything else uses it.
 *
 * <p>Each migration is a SQL script under {@code META-INF/db/}, applied once, in order, and recorded in
 * {@code schema_version}. Scripts are written in the SQL that H2 and PostgreSQL share. A script is never
 * edited once released: a change to the schema is a new script appended to {@link #SCRIPTS}. Hibernate
 * does not generate or alter tables.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    /** The migrations, in the order they apply; version n is the n-th entry. */
    static final List<String> SCRIPTS = List.of(
            "V001__skeleton.sql",
            "V002__key_vault_and_activity_log.sql",
            "V003__vault_keys_and_items.sql",
            "V004__backups.sql",
            "V005__disk_encryption_sets.sql",
            "V006__user_principal_ids.sql",
            "V007__keyed_activity_chain.sql",
            "V008__key_principal.sql",
            "V009__job_subject.sql",
            "V010__vault_without_secondary_index.sql",
            "V011__key_tags.sql",
            "V012__service_principals.sql",
            "V013__key_rotation_policy.sql",
            "V014__vault_key_health.sql",
            "V015__key_managers.sql",
            "V016__pkcs11_key_managers.sql",
            "V017__recovery_point_state.sql",
            "V018__soft_delete_and_immutability.sql", "V019__database_sources.sql", "V020__resource_guards.sql",
            "V021__vault_stores.sql", "V022__scheduled_runs.sql");

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = currentVersion(connection);
            for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                apply(connection, version, SCRIPTS.get(version - 1));
            }
            String database = databaseName(connection);
            LOG.info(() -> "Database schema at version " + SCRIPTS.size() + " (" + database + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Database schema migration failed: " + e.getMessage(), e);
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        LOG.info(() -> "Applying database migration " + script);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setTimestamp(3, Timestamp.from(Timestamps.now()));
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Splits a script into statements: each ends with a semicolon at the end of a line; -- starts a comment line. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("Script ends without a semicolon: " + current);
        }
        return statements;
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/META-INF/db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script META-INF/db/" + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String databaseName(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName() + " "
                + connection.getMetaData().getDatabaseProductVersion();
    }
}
