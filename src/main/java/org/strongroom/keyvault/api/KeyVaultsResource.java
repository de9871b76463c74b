package org.strongroom.keyvault.api;

import java.util.EnumSet;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.keyvault.api.KeyVaultDtos.AccessPolicyRequest;
import org.strongroom.keyvault.api.KeyVaultDtos.KeyVaultDto;
import org.strongroom.keyvault.api.KeyVaultDtos.KeyVaultPatch;
import org.strongroom.keyvault.api.KeyVaultDtos.KeyVaultRequest;
import org.strongroom.keyvault.app.KeyVaultAdministration;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;

/** The management plane: key vaults, protection settings, access policies. Changes are for admins. */
@Path("keyvaults")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class KeyVaultsResource {

    @Inject
    Locations locations;

    @Inject
    KeyVaultAdministration administration;

    @Inject
    Settings settings;

    @Context
    SecurityContext security;

    @PUT
    @Path("{kv}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a key vault, or update its protection settings")
    @APIResponse(responseCode = "201", description = "Created: the key vault, with Location",
            content = @Content(schema = @Schema(implementation = KeyVaultDto.class)))
    @APIResponse(responseCode = "200", description = "Updated: the key vault",
            content = @Content(schema = @Schema(implementation = KeyVaultDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response put(@PathParam("kv") @Pattern(regexp = KeyVault.NAME_PATTERN,
                                message = "must be 3 to 24 letters, digits or hyphens, starting with a letter") String keyVaultName,
                        @NotNull(message = "a JSON body is required") @Valid KeyVaultRequest body) {
        KeyVaultAdministration.PutResult result = administration.put(Callers.of(security), keyVaultName,
                new KeyVaultAdministration.Settings(body.region(), body.subscriptionId(), body.resourceGroup(),
                        body.softDeleteEnabled(), body.softDeleteRetentionDays(), body.purgeProtectionEnabled()));
        KeyVaultDto dto = KeyVaultDto.of(result.keyVault(), KeyVaultUris.of(settings));
        return locations.putAnswer(result.created(), dto, "keyvaults", keyVaultName);
    }

    @PATCH
    @Path("{kv}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Turn soft delete or purge protection on (never off)")
    @APIResponse(responseCode = "200", description = "The key vault")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyVaultDto patch(@PathParam("kv") String keyVaultName, @NotNull(message = "a JSON body is required") KeyVaultPatch body) {
        return KeyVaultDto.of(administration.changeProtection(Callers.of(security), keyVaultName, body.softDeleteEnabled(),
                body.purgeProtectionEnabled()), KeyVaultUris.of(settings));
    }

    @GET
    @Operation(summary = "List the key vaults")
    @APIResponse(responseCode = "200", description = "The key vaults")
    public ListDto<KeyVaultDto> list() {
        return ListDto.of(administration.list().stream().map(keyVault -> KeyVaultDto.of(keyVault, KeyVaultUris.of(settings))).toList());
    }

    @GET
    @Path("{kv}")
    @Operation(summary = "Read a key vault with its access policies")
    @APIResponse(responseCode = "200", description = "The key vault")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyVaultDto get(@PathParam("kv") String keyVaultName) {
        return KeyVaultDto.of(administration.get(keyVaultName), KeyVaultUris.of(settings));
    }

    @DELETE
    @Path("{kv}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a key vault that holds no keys, deleted ones included")
    @APIResponse(responseCode = "204", description = "Deleted, with its access policies")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("kv") String keyVaultName) {
        administration.delete(Callers.of(security), keyVaultName);
        return Response.noContent().build();
    }

    @PUT
    @Path("{kv}/accessPolicies/{principalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Grant a principal key permissions on the key vault (replaces its policy)")
    @APIResponse(responseCode = "200", description = "The access policy")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyVaultDtos.AccessPolicyDto setAccessPolicy(@PathParam("kv") String keyVaultName,
                                                       @PathParam("principalId") String principalId,
                                                       @NotNull(message = "a JSON body is required") @Valid AccessPolicyRequest body) {
        KeyVault keyVault = administration.setAccessPolicy(Callers.of(security), keyVaultName, principalId,
                permissions(body.permissions().keys()));
        return keyVault.accessPolicies().stream()
                .filter(policy -> policy.principalId().equals(principalId))
                .findFirst()
                .map(KeyVaultDtos.AccessPolicyDto::of)
                .orElseThrow();
    }

    @DELETE
    @Path("{kv}/accessPolicies/{principalId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a principal's access policy")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response removeAccessPolicy(@PathParam("kv") String keyVaultName, @PathParam("principalId") String principalId) {
        administration.removeAccessPolicy(Callers.of(security), keyVaultName, principalId);
        return Response.noContent().build();
    }

    private static Set<KeyPermission> permissions(Iterable<String> names) {
        Set<KeyPermission> permissions = EnumSet.noneOf(KeyPermission.class);
        for (String name : names) {
            try {
                permissions.add(KeyPermission.of(name));
            } catch (IllegalArgumentException e) {
                throw StrongroomException.badRequest(e.getMessage(), "permissions.keys");
            }
        }
        return permissions;
    }
}
