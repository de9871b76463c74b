package org.strongroom.keymanager.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.keymanager.app.KeyVersionUsage;
import org.strongroom.platform.Roles;
import org.strongroom.web.Callers;

/**
 * {@code GET /api/keyUsage?keyUri=}: the versions of a key with what holds each in force, and those no
 * vault needs any more (safe to disable after rotations), whatever key manager holds the key.
 */
@Path("keyUsage")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
@Produces(MediaType.APPLICATION_JSON)
public class KeyUsageResource {

    @Inject
    KeyVersionUsage usage;

    @Context
    SecurityContext security;

    @JsonbPropertyOrder({"keyUri", "versions", "notNeeded"})
    public record KeyUsageDto(String keyUri, List<VersionDto> versions, List<String> notNeeded) {
    }

    @JsonbPropertyOrder({"kid", "enabled", "created", "newest", "neededBy"})
    public record VersionDto(String kid, boolean enabled, Instant created, boolean newest, List<String> neededBy) {
    }

    @GET
    @Operation(summary = "The versions of a key, what holds each in force, and those no vault needs any more")
    @APIResponse(responseCode = "200", description = "The key's versions, newest first, and the kids no vault needs")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public KeyUsageDto get(@QueryParam("keyUri") String keyUri) {
        List<KeyVersionUsage.Version> versions = usage.versions(Callers.of(security), keyUri);
        return new KeyUsageDto(keyUri, versions.stream().map(v -> new VersionDto(v.kid(), v.enabled(), v.created(), v.newest(),
                v.neededBy())).toList(), versions.stream().filter(KeyVersionUsage.Version::notNeeded).map(KeyVersionUsage.Version::kid).toList());
    }
}
