package org.strongroom.keyvault.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.keyvault.api.KeyDtos.DeletedKeyBundle;
import org.strongroom.keyvault.api.KeyDtos.DeletedKeyItem;
import org.strongroom.keyvault.api.KeyDtos.KeyBundle;
import org.strongroom.keyvault.api.KeyDtos.Page;
import org.strongroom.keyvault.app.KeyOperations;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Settings;
import org.strongroom.web.Callers;

/** Soft-deleted keys — {@code {keyVaultUri}/deletedkeys/...}: list, read, recover, purge. */
@Path("keyvaults/{kv}/deletedkeys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER, Roles.SERVICE_PRINCIPAL})
public class DeletedKeysResource {

    @Inject
    KeyOperations keys;

    @Inject
    Settings settings;

    @Context
    SecurityContext security;

    @Context
    UriInfo request;

    @Context
    HttpServletRequest servletRequest;

    @PathParam("kv")
    String keyVaultName;

    @GET
    @Operation(summary = "List the soft-deleted keys (Azure Key Vault: Get Deleted Keys)")
    @APIResponse(responseCode = "200", description = "The deleted keys")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(name = "maxresults", in = ParameterIn.QUERY, description = "Items a page, 1 to 25 (25 when absent)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "25"))
    @Parameter(name = "$skiptoken", in = ParameterIn.QUERY, description = "Where the page starts: take it from the nextLink of the page before",
            schema = @Schema(type = SchemaType.STRING))
    public Page<DeletedKeyItem> list() {
        return Pages.page(keys.listDeleted(Callers.of(security), keyVaultName), v -> v.key().name(),
                v -> KeyDtos.deletedItem(v, uris()), request, VaultHostRouting.keyVaultUri(servletRequest, uris(), keyVaultName));
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a soft-deleted key (Azure Key Vault: Get Deleted Key)")
    @APIResponse(responseCode = "200", description = "The deleted key")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeletedKeyBundle get(@PathParam("name") String name) {
        return KeyDtos.deletedBundle(keys.getDeleted(Callers.of(security), keyVaultName, name), uris());
    }

    @POST
    @Path("{name}/recover")
    @Operation(summary = "Recover a soft-deleted key with all its versions (Azure Key Vault: Recover Deleted Key)")
    @APIResponse(responseCode = "200", description = "The recovered key bundle")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBundle recover(@PathParam("name") String name) {
        return KeyDtos.bundle(keys.recover(Callers.of(security), keyVaultName, name), uris());
    }

    /** Purge: 204; refused with 409 while the key vault has purge protection. */
    @DELETE
    @Path("{name}")
    @Operation(summary = "Purge a soft-deleted key for good; refused under purge protection (Azure Key Vault: Purge Deleted Key)")
    @APIResponse(responseCode = "204", description = "Purged")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response purge(@PathParam("name") String name) {
        keys.purge(Callers.of(security), keyVaultName, name);
        return Response.noContent().build();
    }

    private KeyVaultUris uris() {
        return KeyVaultUris.of(settings);
    }
}
