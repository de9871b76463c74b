package org.strongroom.protection.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.Roles;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;
import org.strongroom.postgresql.PostgresSource;
import org.strongroom.protection.api.ItemDtos.ItemDto;
import org.strongroom.protection.api.ItemDtos.ItemRequest;
import org.strongroom.protection.app.DatabaseSources;
import org.strongroom.protection.app.ProtectedItems;
import org.strongroom.protection.domain.BackupPolicy;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;
import org.strongroom.web.QueryParameters;

/** Protected items of a vault. Registering is for admins and operators; reading for every role. */
@Path("vaults/{vault}/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class ProtectedItemsResource {

    @Inject
    Locations locations;

    @Inject
    ProtectedItems items;

    @Context
    SecurityContext security;

    @PathParam("vault")
    String vault;

    /** Registers the item (the inline {@code ConfigureBackup} job): 201 created, 200 when its policy changed. */
    @PUT
    @Path("{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Register a protected item with its backup policy (the inline ConfigureBackup job)")
    @APIResponse(responseCode = "201", description = "Created: the item, with Location",
            content = @Content(schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "200", description = "Already registered with these values: the item",
            content = @Content(schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response put(@PathParam("item") String item, @NotNull(message = "a JSON body is required") ItemRequest body) {
        if (!item.matches(ItemRef.NAME_PATTERN)) {
            throw StrongroomException.badRequest("An item name has 1 to 100 letters, digits or . _ -", "item");
        }
        WorkloadType workload = QueryParameters.oneOf(WorkloadType.class, body.workloadType(), "workloadType");
        if (workload == null) {
            throw StrongroomException.badRequest("workloadType is required: Files, Disk, PostgreSQL, Agent or Classic",
                    "workloadType");
        }
        ItemDtos.Policy policy = body.policy();
        BackupPolicy backupPolicy = policy == null ? BackupPolicy.none()
                : BackupPolicy.of(policy.schedule(), policy.retentionDays(), policy.instantRestoreDays());
        ItemDtos.Source source = body.source();
        PostgresSource database = source == null ? null : source.databaseNamed();
        ProtectedItems.PutResult result = items.register(Callers.of(security), ItemRef.of(VaultName.requested(vault), item),
                new ProtectedItems.Registration(workload, source == null ? null : source.path(),
                        source == null ? null : source.diskEncryptionSetId(),
                        database == null ? null : new DatabaseSources.Login(database, source.user(),
                                source.password() == null ? null : source.password().toCharArray()),
                        backupPolicy));
        ItemDto dto = ItemDto.of(result.item());
        return locations.putAnswer(result.created(), dto, "vaults", vault, "items", item);
    }

    @GET
    @Operation(summary = "List the vault's protected items")
    @APIResponse(responseCode = "200", description = "The items")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ListDto<ItemDto> list() {
        return ListDto.of(items.list(VaultName.requested(vault)).stream().map(ItemDto::of).toList());
    }

    @GET
    @Path("{item}")
    @Operation(summary = "Read a protected item with its last backup")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ItemDto get(@PathParam("item") String item) {
        return ItemDto.of(items.get(ItemRef.requested(vault, item)));
    }

    /**
     * Stops the item's protection: 200 with the item, {@code ProtectionStopped} (its recovery points
     * retained) or, with {@code deleteData=true}, {@code SoftDeleted}.
     */
    @POST
    @Path("{item}/stopProtection")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stop protecting the item; its recovery points are retained, or soft-deleted with deleteData=true")
    @APIResponse(responseCode = "200", description = "The item, ProtectionStopped or SoftDeleted",
            content = @Content(schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ItemDto stopProtection(@PathParam("item") String item, @QueryParam("deleteData") String deleteData) {
        return ItemDto.of(items.stopProtection(Callers.of(security), ItemRef.requested(vault, item),
                QueryParameters.flag(deleteData, "deleteData")));
    }

    /** Brings a soft-deleted item back with its recovery points: 200 with the item, {@code ProtectionStopped}. */
    @POST
    @Path("{item}/undelete")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Undelete a soft-deleted item: its recovery points back, its protection stopped")
    @APIResponse(responseCode = "200", description = "The item, ProtectionStopped",
            content = @Content(schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ItemDto undelete(@PathParam("item") String item) {
        return ItemDto.of(items.undelete(Callers.of(security), ItemRef.requested(vault, item)));
    }

    /** Resumes a stopped item's protection: 200 with the item. */
    @POST
    @Path("{item}/resumeProtection")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Resume protecting a stopped item: its schedule and backups run again")
    @APIResponse(responseCode = "200", description = "The item", content = @Content(schema = @Schema(implementation = ItemDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ItemDto resumeProtection(@PathParam("item") String item) {
        return ItemDto.of(items.resumeProtection(Callers.of(security), ItemRef.requested(vault, item)));
    }

    /** Deletes an item that holds no recovery points: 204. */
    @DELETE
    @Path("{item}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an item that holds no recovery points")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("item") String item) {
        items.delete(Callers.of(security), ItemRef.requested(vault, item));
        return Response.noContent().build();
    }
}
