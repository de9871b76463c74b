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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.SecurityContext;

import org.strongroom.keyvault.api.KeyVaultDtos.AccessPolicyRequest;
import org.strongroom.keyvault.api.KeyVaultDtos.KeyVaultDto;
import org.strongroom.keyvault.api.KeyVaultDtos.KeyVaultPatch;
import org.strongroom.keyvault.api.KeyVaultDtos.KeyVaultRequest;
import org.strongroom.keyvault.app.KeyVaultAdministration;
import org.strongroom.keyvault.domain.KeyPermission;
import org.strongroom.keyvault.domain.KeyVault;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.security.Roles;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;

/** The management plane: key vaults, protection settings, access policies. Changes are for admins. */
@Path("keyvaults")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class KeyVaultsResource {

    @Context
    UriInfo uri;

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
    public Response put(@PathParam("kv") @Pattern(regexp = KeyVault.NAME_PATTERN,
                                message = "must be 3 to 24 letters, digits or hyphens, starting with a letter") String kv,
                        @NotNull(message = "a JSON body is required") @Valid KeyVaultRequest body) {
        KeyVaultAdministration.PutResult result = administration.put(Callers.of(security), kv,
                new KeyVaultAdministration.Settings(body.region(), body.subscriptionId(), body.resourceGroup(),
                        body.softDeleteEnabled(), body.softDeleteRetentionDays(), body.purgeProtectionEnabled()));
        KeyVaultDto dto = KeyVaultDto.of(result.keyVault(), settings.publicBaseUrl());
        return result.created()
                ? Response.created(Locations.of(uri, "keyvaults", kv)).entity(dto).build()
                : Response.ok(dto).build();
    }

    @PATCH
    @Path("{kv}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    public KeyVaultDto patch(@PathParam("kv") String kv, @NotNull(message = "a JSON body is required") KeyVaultPatch body) {
        return KeyVaultDto.of(administration.changeProtection(Callers.of(security), kv, body.softDeleteEnabled(),
                body.purgeProtectionEnabled()), settings.publicBaseUrl());
    }

    @GET
    public ListDto<KeyVaultDto> list() {
        return ListDto.of(administration.list().stream().map(kv -> KeyVaultDto.of(kv, settings.publicBaseUrl())).toList());
    }

    @GET
    @Path("{kv}")
    public KeyVaultDto get(@PathParam("kv") String kv) {
        return KeyVaultDto.of(administration.get(kv), settings.publicBaseUrl());
    }

    @PUT
    @Path("{kv}/accessPolicies/{principalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public KeyVaultDtos.AccessPolicyDto setAccessPolicy(@PathParam("kv") String kv,
                                                       @PathParam("principalId") String principalId,
                                                       @NotNull(message = "a JSON body is required") @Valid AccessPolicyRequest body) {
        KeyVault keyVault = administration.setAccessPolicy(Callers.of(security), kv, principalId,
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
    public Response removeAccessPolicy(@PathParam("kv") String kv, @PathParam("principalId") String principalId) {
        administration.removeAccessPolicy(Callers.of(security), kv, principalId);
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
