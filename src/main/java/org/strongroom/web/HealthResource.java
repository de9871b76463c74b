package org.strongroom.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}, without authentication: 200 when the database and the message broker answer,
 * 503 with the failing check otherwise. Meant for load balancers and start-up scripts.
 */
@Path("health")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final int DATABASE_TIMEOUT_SECONDS = 3;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    /** The pooled connection factory: the server's own, trusted connections to the broker. */
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory broker;

    @Resource(lookup = "java:/jms/queue/keyUpdateJobs")
    Queue probeQueue;

    @JsonbPropertyOrder({"status", "checks"})
    public record Health(String status, List<Check> checks) {
    }

    @JsonbPropertyOrder({"name", "status", "error"})
    public record Check(String name, String status, String error) {

        static Check up(String name) {
            return new Check(name, "UP", null);
        }

        static Check down(String name, Exception e) {
            return new Check(name, "DOWN", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @GET
    public Response health() {
        List<Check> checks = List.of(database(), broker());
        boolean up = checks.stream().allMatch(c -> c.status().equals("UP"));
        return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN", checks)).build();
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
