package org.strongroom.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, rooted at {@code /api}; resources and providers are discovered by scanning. The OpenAPI
 * document served at {@code /openapi} is generated from the resources' annotations and completed by
 * {@link OpenApiDocument}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Strongroom", version = "1",
                description = "Self-hosted backup vaults whose backup data only the customer's own key can open: key "
                        + "vaults (management plane, and a data plane in the Azure Key Vault keys API format), vaults "
                        + "and their customer-managed keys, protected items, backups, recovery points, restores, jobs "
                        + "and the activity log. Every refusal is a 4xx with {\"code\",\"message\",\"target\"}."))
@SecurityScheme(securitySchemeName = OpenApiDocument.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "HTTP Basic with a Strongroom user (/api/users); roles admin, operator, reader")
public class StrongroomApi extends Application {
}
