package org.strongroom.vault.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.jobs.api.JobDto;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.Roles;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.api.VaultDtos.EncryptionDto;
import org.strongroom.vault.api.VaultDtos.EncryptionRequest;
import org.strongroom.vault.api.VaultDtos.IdentityDto;
import org.strongroom.vault.api.VaultDtos.IdentityRequest;
import org.strongroom.vault.api.VaultDtos.ImmutabilityDto;
import org.strongroom.vault.api.VaultDtos.ImmutabilityRequest;
import org.strongroom.vault.api.VaultDtos.KeyCandidatesDto;
import org.strongroom.vault.api.VaultDtos.KeyHealthDto;
import org.strongroom.vault.api.VaultDtos.MoveRequest;
import org.strongroom.vault.api.VaultDtos.ResourceGuardDto;
import org.strongroom.vault.api.VaultDtos.ResourceGuardRequest;
import org.strongroom.vault.api.VaultDtos.SoftDeleteDto;
import org.strongroom.vault.api.VaultDtos.SoftDeleteRequest;
import org.strongroom.vault.api.VaultDtos.VaultDto;
import org.strongroom.vault.app.KeyAssignments;
import org.strongroom.vault.app.KeyCandidates;
import org.strongroom.vault.app.KeyHealthProbe;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.IdentityType;
import org.strongroom.vault.domain.Immutability;
import org.strongroom.vault.domain.KeyAssignmentInput;
import org.strongroom.vault.domain.SoftDelete;
import org.strongroom.vault.domain.Vault;
import org.strongroom.storage.app.VaultStores;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;
import org.strongroom.web.QueryParameters;

/** Vaults, their identity, their encryption (key assignment) and moves. Changes are for admins. */
@Path("vaults")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class VaultsResource {

    @Inject
    Locations locations;

    @Inject
    VaultService vaults;

    @Inject
    KeyAssignments keyAssignments;

    @Inject
    KeyCandidates keyCandidates;

    @Inject
    VaultStores stores;

    @Inject
    KeyHealthProbe health;

    @Context
    SecurityContext security;

    @PUT
    @Path("{vault}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a vault, or update one with the same region, subscription and resource group")
    @APIResponse(responseCode = "201", description = "Created: the vault, with Location",
            content = @Content(schema = @Schema(implementation = VaultDto.class)))
    @APIResponse(responseCode = "200", description = "Already there with these values: the vault",
            content = @Content(schema = @Schema(implementation = VaultDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response put(@PathParam("vault") @Pattern(regexp = VaultName.PATTERN,
                                message = "must be 2 to 50 letters, digits or hyphens") String vault,
                        @NotNull(message = "a JSON body is required") @Valid VaultRequest body) {
        VaultService.PutResult result = vaults.put(Callers.of(security), VaultName.of(vault), body.region(), body.subscriptionId(),
                body.resourceGroup(), body.storage());
        VaultDto dto = dto(result.vault());
        return locations.putAnswer(result.created(), dto, "vaults", vault);
    }

    @GET
    @Operation(summary = "List the vaults")
    @APIResponse(responseCode = "200", description = "The vaults")
    public ListDto<VaultDto> list() {
        return ListDto.of(vaults.list().stream().map(this::dto).toList());
    }

    @GET
    @Path("{vault}")
    @Operation(summary = "Read a vault with its identity and encryption properties")
    @APIResponse(responseCode = "200", description = "The vault")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public VaultDto get(@PathParam("vault") String vault) {
        return dto(vaults.get(VaultName.requested(vault)));
    }

    @PUT
    @Path("{vault}/identity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Switch the vault's system-assigned identity on (SystemAssigned) or off (None)")
    @APIResponse(responseCode = "200", description = "The identity")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public IdentityDto setIdentity(@PathParam("vault") String vault,
                                   @NotNull(message = "a JSON body is required") IdentityRequest body) {
        IdentityType type = QueryParameters.oneOf(IdentityType.class, body.type(), "type");
        if (type == null) {
            throw StrongroomException.badRequest("'type' is required: SystemAssigned or None", "type");
        }
        return IdentityDto.of(vaults.setIdentity(Callers.of(security), VaultName.requested(vault), type).identity());
    }

    @GET
    @Path("{vault}/encryption")
    @Operation(summary = "Read the vault's encryption properties (SPEC 12)")
    @APIResponse(responseCode = "200", description = "The encryption properties")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EncryptionDto encryption(@PathParam("vault") String vault) {
        VaultName name = VaultName.requested(vault);
        return EncryptionDto.of(vaults.get(name), health.report(name));
    }

    private VaultDto dto(Vault vault) {
        return VaultDto.of(vault, health.report(vault.name()), stores.of(vault.name()));
    }

    @GET
    @Path("{vault}/keyCandidates")
    @Operation(summary = "List the key vaults, keys and versions the signed-in user may list, each judged for this vault"
            + " as the key assignment job would (refusal: its code and message; none: eligible)")
    @APIResponse(responseCode = "200", description = "The candidates")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyCandidatesDto keyCandidates(@PathParam("vault") String vault) {
        VaultName name = VaultName.requested(vault);
        return KeyCandidatesDto.of(vaults.get(name), keyCandidates.of(name, Callers.of(security)));
    }

    @POST
    @Path("{vault}/encryption/keyHealth")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Probe the vault's key in force now, as its identity, as the daily probe does: warnings before a backup fails")
    @APIResponse(responseCode = "200", description = "The key's health")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyHealthDto probeKeyHealth(@PathParam("vault") String vault) {
        return KeyHealthDto.of(health.probe(VaultName.requested(vault), Timestamps.now()));
    }

    /**
     * Assigns or changes the key: 202 with the job ({@code Location: /api/jobs/{id}}); refusals that
     * need no key vault call answer at once. {@code {"encryptionAtRestType":"PlatformManaged"}} is
     * refused once a customer-managed key is in use.
     */
    @PUT
    @Path("{vault}/encryption")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Assign or change the customer-managed key (a job), or ask to go back to platform-managed keys")
    @APIResponse(responseCode = "202", description = "Accepted: the ConfigureEncryption or UpdateEncryptionKey job, with Location /api/jobs/{id}; refusals from the key vault arrive in the job",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    @APIResponse(responseCode = "200", description = "PlatformManaged asked while the vault still is: its encryption properties",
            content = @Content(schema = @Schema(implementation = EncryptionDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response setEncryption(@PathParam("vault") String vault,
                                  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          schema = @Schema(implementation = EncryptionRequest.class), examples = {
                                          @ExampleObject(name = "follow", summary = "Follow the key: automatic rotation",
                                                  value = "{\"keyUri\":\"https://kv1.vault.example/keys/backup-kek\","
                                                          + "\"keyVaultSubscriptionId\":\"sub-keys\",\"infrastructureEncryption\":\"Enabled\"}"),
                                          @ExampleObject(name = "pinned", summary = "One key version: no automatic rotation",
                                                  value = "{\"keyUri\":\"https://kv1.vault.example/keys/backup-kek/"
                                                          + "8739a3ef2e394aab8b39c8f1f550c355\",\"keyVaultSubscriptionId\":\"sub-keys\"}")}))
                                  @NotNull(message = "a JSON body is required") EncryptionRequest body) {
        String type = body.encryptionAtRestType();
        if ("PlatformManaged".equals(type)) {
            if (body.keyUri() != null) {
                throw StrongroomException.badRequest("A key URI cannot go with PlatformManaged", "keyUri");
            }
            VaultName name = VaultName.requested(vault);
            return Response.ok(EncryptionDto.of(keyAssignments.revertToPlatformManaged(Callers.of(security), name), health.report(name))).build();
        }
        if (type != null && !"CustomerManaged".equals(type)) {
            throw StrongroomException.badRequest("encryptionAtRestType is PlatformManaged or CustomerManaged", "encryptionAtRestType");
        }
        Job job = keyAssignments.request(Callers.of(security), VaultName.requested(vault),
                KeyAssignmentInput.of(body.keyUri(), body.keyVaultSubscriptionId(), body.infrastructureEncryption()));
        return Response.accepted(JobDto.of(job, Timestamps.now())).location(locations.of("jobs", job.id().toString())).build();
    }

    @POST
    @Path("{vault}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move the vault to another resource group, subscription or tenant (SPEC 18)")
    @APIResponse(responseCode = "200", description = "The moved vault")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public VaultDto move(@PathParam("vault") String vault, @NotNull(message = "a JSON body is required") @Valid MoveRequest body) {
        if (body.resourceGroup() == null && body.subscriptionId() == null && body.tenantId() == null) {
            throw StrongroomException.badRequest("Say where to: resourceGroup, subscriptionId and/or tenantId", "body");
        }
        VaultName name = VaultName.requested(vault);
        return dto(vaults.move(Callers.of(security), name, body.resourceGroup(), body.subscriptionId(), body.tenantId()));
    }

    /** Deletes a vault that holds no protected items and runs no job: 204. */
    @DELETE
    @Path("{vault}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a vault that holds no protected items (and so no recovery points)")
    @APIResponse(responseCode = "204", description = "Deleted, with its store directory")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("vault") String vault) {
        vaults.delete(Callers.of(security), VaultName.requested(vault));
        return Response.noContent().build();
    }

    @PUT
    @Path("{vault}/resourceGuard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Bind the vault to a resource guard: its critical operations then need the guard owner's approval")
    @APIResponse(responseCode = "200", description = "The binding")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ResourceGuardDto bindResourceGuard(@PathParam("vault") String vault,
                                              @NotNull(message = "a JSON body is required") ResourceGuardRequest body) {
        if (body.resourceGuard() == null) {
            throw StrongroomException.badRequest("resourceGuard is required", "resourceGuard");
        }
        return ResourceGuardDto.of(vaults.bindResourceGuard(Callers.of(security), VaultName.requested(vault), body.resourceGuard()));
    }

    @GET
    @Path("{vault}/resourceGuard")
    @Operation(summary = "Read the resource guard the vault is bound to")
    @APIResponse(responseCode = "200", description = "The binding")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ResourceGuardDto resourceGuard(@PathParam("vault") String vault) {
        return ResourceGuardDto.of(vaults.resourceGuard(VaultName.requested(vault)));
    }

    @DELETE
    @Path("{vault}/resourceGuard")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Unbind the vault from its resource guard (RemoveResourceGuard: needs the guard owner's approval)")
    @APIResponse(responseCode = "204", description = "Unbound")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response unbindResourceGuard(@PathParam("vault") String vault) {
        vaults.unbindResourceGuard(Callers.of(security), VaultName.requested(vault));
        return Response.noContent().build();
    }

    /** Changes the vault's soft delete of backup data: 200 with {@code {"state","retentionDays"}}. */
    @PUT
    @Path("{vault}/softDelete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the vault's soft delete of backup data (AlwaysOn can never be switched off)")
    @APIResponse(responseCode = "200", description = "The soft delete settings",
            content = @Content(schema = @Schema(implementation = SoftDeleteDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SoftDeleteDto changeSoftDelete(@PathParam("vault") String vault,
                                          @NotNull(message = "a JSON body is required") SoftDeleteRequest body) {
        return SoftDeleteDto.of(vaults.changeSoftDelete(Callers.of(security), VaultName.requested(vault),
                QueryParameters.oneOf(SoftDelete.State.class, body.state(), "state"), body.retentionDays()));
    }

    /** Sets the vault's immutability: 200 with {@code {"state"}}. */
    @PUT
    @Path("{vault}/immutability")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the vault's immutability: Disabled, Unlocked (reversible) or Locked (for good)")
    @APIResponse(responseCode = "200", description = "The immutability", content = @Content(schema = @Schema(implementation = ImmutabilityDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ImmutabilityDto changeImmutability(@PathParam("vault") String vault,
                                              @NotNull(message = "a JSON body is required") ImmutabilityRequest body) {
        Immutability to = QueryParameters.oneOf(Immutability.class, body.state(), "state");
        if (to == null) {
            throw StrongroomException.badRequest("state is required: Disabled, Unlocked or Locked", "state");
        }
        return ImmutabilityDto.of(vaults.changeImmutability(Callers.of(security), VaultName.requested(vault), to));
    }
}
