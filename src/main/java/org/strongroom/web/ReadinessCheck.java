package org.strongroom.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile Health readiness ({@code /health/ready} on the management port): database and broker answer. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("strongroom");
        boolean up = true;
        for (HealthChecks.Check check : checks.all()) {
            response.withData(check.name(), check.up() ? "UP" : check.error());
            up &= check.up();
        }
        return response.status(up).build();
    }
}
