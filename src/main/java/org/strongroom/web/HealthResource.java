package org.strongroom.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}, without authentication: 200 when the database and the message broker answer,
 * 503 with the failing check otherwise; remote key managers in use are reported beside ({@link DependencyHealth}). Meant for load balancers and start-up scripts; the same checks
 * answer MicroProfile Health's readiness probe on the management port ({@link ReadinessCheck}).
 */
@Path("health")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    HealthChecks checks;

    @Inject
    Instance<DependencyHealth> dependencies;

    /** {@code dependencies}: remote key managers in use, reported but not deciding {@code status}. */
    @JsonbPropertyOrder({"status", "checks", "dependencies"})
    public record Health(String status, List<HealthChecks.Check> checks, List<DependencyHealth.Dependency> dependencies) {
    }

    @GET
    @Operation(summary = "Is the server up: database and broker (no credentials needed)")
    @APIResponse(responseCode = "200", description = "Up, with each check",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @APIResponse(responseCode = "503", description = "Down, with the failing check",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health() {
        List<HealthChecks.Check> results = checks.all();
        boolean up = results.stream().allMatch(HealthChecks.Check::up);
        List<DependencyHealth.Dependency> used = dependencies.stream().flatMap(source -> source.dependencies().stream()).toList();
        return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN", results, used)).build();
    }
}
