package org.strongroom.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import javax.sql.DataSource;

/** Whether the database and the message broker answer: what Strongroom needs to take work. */
@ApplicationScoped
public class HealthChecks {

    private static final int DATABASE_TIMEOUT_SECONDS = 3;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    /** The pooled connection factory: the server's own, trusted connections to the broker. */
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory broker;

    @Resource(lookup = "java:/jms/queue/keyUpdateJobs")
    Queue probeQueue;

    @JsonbPropertyOrder({"name", "status", "error"})
    public record Check(String name, String status, String error) {

        static Check up(String name) {
            return new Check(name, "UP", null);
        }

        static Check down(String name, Exception e) {
            return new Check(name, "DOWN", e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        @JsonbTransient
        public boolean up() {
            return "UP".equals(status);
        }
    }

    public List<Check> all() {
        return List.of(database(), broker());
    }

    private Check database() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS)
                    ? Check.up("database")
                    : Check.down("database", new SQLException("connection is not valid"));
        } catch (SQLException e) {
            return Check.down("database", e);
        }
    }

    private Check broker() {
        try (JMSContext context = broker.createContext();
             QueueBrowser browser = context.createBrowser(probeQueue)) {
            browser.getEnumeration();
            return Check.up("broker");
        } catch (JMSException | JMSRuntimeException e) {
            return Check.down("broker", e);
        }
    }
}
