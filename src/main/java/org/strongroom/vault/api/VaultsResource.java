package org.strongroom.vault.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.strongroom.security.Roles;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;
import org.strongroom.web.ListDto;

/** Vaults: {@code PUT} creates (201) or updates (200); reads for every role. */
@Path("vaults")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
public class VaultsResource {

    @Inject
    VaultService vaults;

    @PUT
    @Path("{vault}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response put(@PathParam("vault") @Pattern(regexp = Vault.NAME_PATTERN,
                                message = "must be 2 to 50 letters, digits or hyphens") String vault,
                        @NotNull(message = "a JSON body is required") @Valid VaultRequest body) {
        VaultService.PutResult result = vaults.put(vault, body.region(), body.subscriptionId(), body.resourceGroup());
        VaultDto dto = VaultDto.of(result.vault());
        return result.created()
                ? Response.created(URI.create("/api/vaults/" + vault)).entity(dto).build()
                : Response.ok(dto).build();
    }

    @GET
    public ListDto<VaultDto> list() {
        return ListDto.of(vaults.list().stream().map(VaultDto::of).toList());
    }

    @GET
    @Path("{vault}")
    public VaultDto get(@PathParam("vault") String vault) {
        return VaultDto.of(vaults.get(vault));
    }
}
