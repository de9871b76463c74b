package org.strongroom.restore.app;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.postgresql.PostgresConnection;
import org.strongroom.postgresql.PostgresException;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.protection.app.DatabaseSources;
import org.strongroom.protection.domain.ProtectedItem;
import org.strongroom.restore.domain.RestoreTarget;
import org.strongroom.restore.infra.DatabaseWriter;

/**
 * Where a database item's point is restored: a new database on the item's server — the one the request
 * names, else {@code <database>_restored_<UTC time>} — or the item's own database with
 * {@code target.originalLocation}; an existing database only with {@code overwrite} (an admin's), which
 * replaces it once the restored one is complete.
 */
@ApplicationScoped
public class DatabaseTargets {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    DatabaseSources databases;

    /** The database to restore into, or a refusal: a name that is not one, or a database that exists without overwrite. */
    public String check(ProtectedItem item, RestoreTarget target, boolean overwrite) {
        PostgresSource source = PostgresSource.ofJdbcUrl(item.sourcePath());
        String name;
        if (target == null) {
            name = defaultName(source.database(), Timestamps.now());
        } else if (target.path() != null) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, "A PostgreSQL point is restored into a "
                    + "database on the item's server: name it in target.database (without a target, a new one), or "
                    + "target.originalLocation for the item's own", "target.path");
        } else if (target.originalLocation()) {
            name = source.database();
        } else if (PostgresSource.isName(target.database())) {
            name = target.database();
        } else {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, "target.database must be "
                    + PostgresSource.NAMES, "target.database");
        }
        try (PostgresConnection server = databases.connect(item)) {
            if (!overwrite && server.databaseExists(name)) {
                throw DatabaseWriter.exists(source.withDatabase(name));
            }
        } catch (PostgresException e) {
            throw DatabaseSources.unreadable(source, e);
        }
        return name;
    }

    static String defaultName(String database, Instant now) {
        return (database.length() > 40 ? database.substring(0, 40) : database) + "_restored_" + STAMP.format(now);
    }
}
