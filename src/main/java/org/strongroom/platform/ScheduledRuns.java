package org.strongroom.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Scheduled work runs once per firing across the servers of a cluster. Every server's timer fires; the first
 * to record the firing — task and fire time, the primary key of {@code scheduled_run} — runs it, and the others
 * find the row and skip. The database decides, as it does for jobs: no cluster singleton to elect or fail over.
 * A firing whose server dies while running it is not run again; the next firing is.
 */
@ApplicationScoped
public class ScheduledRuns {

    /** Firings are kept this long, to show which node ran what; older rows go as new ones come. */
    static final Duration KEPT = Duration.ofDays(7);
    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Whether this server runs {@code task}'s firing at {@code fireTime}: true for the first server to ask, false for the rest. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean claim(String task, Instant fireTime) {
        try (Connection c = database.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO scheduled_run (task, fire_time, node, claimed) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, task);
                insert.setObject(2, OffsetDateTime.ofInstant(fireTime, ZoneOffset.UTC));
                insert.setString(3, Settings.node());
                insert.setObject(4, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (PreparedStatement old = c.prepareStatement("DELETE FROM scheduled_run WHERE task = ? AND fire_time < ?")) {
                old.setString(1, task);
                old.setObject(2, OffsetDateTime.ofInstant(fireTime.minus(KEPT), ZoneOffset.UTC));
                old.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            transaction.setRollbackOnly();
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("Cannot record the firing of " + task + " at " + fireTime + ": " + e.getMessage(), e);
        }
    }
}
