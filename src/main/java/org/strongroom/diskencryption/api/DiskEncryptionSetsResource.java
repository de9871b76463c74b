package org.strongroom.diskencryption.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.strongroom.diskencryption.app.DiskEncryptionSets;
import org.strongroom.diskencryption.domain.DiskEncryptionSet;
import org.strongroom.platform.Roles;
import org.strongroom.web.Callers;
import org.strongroom.web.ListDto;
import org.strongroom.web.Locations;

/** Disk encryption sets: {@code PUT} for admins, reading for every role. */
@Path("diskEncryptionSets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class DiskEncryptionSetsResource {

    /** {@code {"keyUri","region"}}. */
    public record DiskEncryptionSetRequest(
            @NotBlank @Size(max = 400) String keyUri,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9-]*", message = "must contain only letters, digits and hyphens")
            String region) {
    }

    public record IdentityDto(String type, String principalId, String tenantId) {
    }

    @JsonbPropertyOrder({"name", "region", "keyUri", "identity", "created", "updated"})
    public record DiskEncryptionSetDto(String name, String region, String keyUri, IdentityDto identity, Instant created,
                                       Instant updated) {

        static DiskEncryptionSetDto of(DiskEncryptionSet set) {
            return new DiskEncryptionSetDto(set.name(), set.region(), set.keyUri(),
                    new IdentityDto("SystemAssigned", set.principalId(), set.tenantId()), set.created(), set.updated());
        }
    }

    @Inject
    Locations locations;

    @Inject
    DiskEncryptionSets sets;

    @Context
    SecurityContext security;

    /** Creates the set (201, with its identity's principal id to grant permissions to) or changes its key (200). */
    @PUT
    @Path("{des}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a disk encryption set (a key for restored disks, with an identity of its own)")
    @APIResponse(responseCode = "201", description = "Created: the disk encryption set, with Location",
            content = @Content(schema = @Schema(implementation = DiskEncryptionSetDto.class)))
    @APIResponse(responseCode = "200", description = "Already there with these values",
            content = @Content(schema = @Schema(implementation = DiskEncryptionSetDto.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response put(@PathParam("des") @Pattern(regexp = DiskEncryptionSet.NAME_PATTERN,
                                message = "must be 2 to 50 letters, digits or hyphens") String des,
                        @NotNull(message = "a JSON body is required") @Valid DiskEncryptionSetRequest body) {
        DiskEncryptionSets.PutResult result = sets.put(Callers.of(security), des, body.region(), body.keyUri());
        DiskEncryptionSetDto dto = DiskEncryptionSetDto.of(result.set());
        return locations.putAnswer(result.created(), dto, "diskEncryptionSets", des);
    }

    @GET
    @Operation(summary = "List the disk encryption sets")
    @APIResponse(responseCode = "200", description = "The disk encryption sets")
    public ListDto<DiskEncryptionSetDto> list() {
        return ListDto.of(sets.list().stream().map(DiskEncryptionSetDto::of).toList());
    }

    @GET
    @Path("{des}")
    @Operation(summary = "Read a disk encryption set")
    @APIResponse(responseCode = "200", description = "The disk encryption set")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DiskEncryptionSetDto get(@PathParam("des") String des) {
        return DiskEncryptionSetDto.of(sets.get(des));
    }

    @DELETE
    @Path("{des}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a disk encryption set that nothing uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("des") String des) {
        sets.delete(Callers.of(security), des);
        return Response.noContent().build();
    }
}
