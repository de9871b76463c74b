package org.strongroom.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

/** Recovery points made older, straight in the database, for retention to act on (in-container tests). */
public final class PointTimes {

    private PointTimes() {
    }

    /** Dates the recovery point {@code point} {@code days} days back. */
    public static void age(DataSource database, String point, int days) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement older = c.prepareStatement("UPDATE recovery_point SET point_time = ? WHERE id = ?")) {
            older.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(days * 86_400L)));
            older.setObject(2, UUID.fromString(point));
            assertEquals(1, older.executeUpdate());
        }
    }
}
