package org.strongroom.keyvault.api;

import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.strongroom.crypto.EncryptionAlgorithm;
import org.strongroom.crypto.SignatureAlgorithm;
import org.strongroom.crypto.WrapAlgorithm;
import org.strongroom.keyvault.api.KeyDtos.Attributes;
import org.strongroom.keyvault.api.KeyDtos.CreateKeyRequest;
import org.strongroom.keyvault.api.KeyDtos.DeletedKeyBundle;
import org.strongroom.keyvault.api.KeyDtos.ImportKeyRequest;
import org.strongroom.keyvault.api.KeyDtos.ImportedJsonWebKey;
import org.strongroom.keyvault.api.KeyDtos.KeyBackupBlob;
import org.strongroom.keyvault.api.KeyDtos.KeyBundle;
import org.strongroom.keyvault.api.KeyDtos.KeyItem;
import org.strongroom.keyvault.api.KeyDtos.KeyOperationRequest;
import org.strongroom.keyvault.api.KeyDtos.KeyOperationResult;
import org.strongroom.keyvault.api.KeyDtos.Page;
import org.strongroom.keyvault.api.KeyDtos.RotationPolicy;
import org.strongroom.keyvault.api.KeyDtos.UpdateKeyRequest;
import org.strongroom.keyvault.app.KeyBackups;
import org.strongroom.keyvault.app.KeyOperations;
import org.strongroom.keyvault.app.KeyRotationPolicies;
import org.strongroom.keyvault.domain.KeyAttributes;
import org.strongroom.platform.Caller;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.web.Callers;

/**
 * Keys of a key vault — {@code {keyVaultUri}/keys/...} — as the Azure Key Vault keys REST API defines
 * them. Every role may call; every caller, admins included, needs an access policy granting the operation.
 *
 * <p>Longer than 300 lines on purpose: one method per operation of that API, most in a versioned and a
 * versionless form, each a single call to {@link KeyOperations} under the annotations the OpenAPI document
 * is generated from.
 */
@Path("keyvaults/{kv}/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.READER, Roles.SERVICE_PRINCIPAL})
public class KeysResource {

    private static final int DEFAULT_KEY_SIZE = 2048;

    /** One operation in the OpenAPI document, with two request media types. */
    private static final String IMPORT = "Import a key (BYOK): a JWK with its private parts (Azure Key Vault: Import Key), "
            + "or a PEM private key, PKCS#8 or PKCS#1, as application/x-pem-file (a Strongroom extension)";

    /** The media type of a PEM file (RFC 7468 texts). */
    public static final String PEM = "application/x-pem-file";

    @Inject
    KeyOperations keys;

    @Inject
    KeyBackups backups;

    @Inject
    KeyRotationPolicies policies;

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
    @Operation(summary = "List the keys (Azure Key Vault: Get Keys)")
    @APIResponse(responseCode = "200", description = "The keys, versionless")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(name = "maxresults", in = ParameterIn.QUERY, description = "Items a page, 1 to 25 (25 when absent)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "25"))
    @Parameter(name = "$skiptoken", in = ParameterIn.QUERY, description = "Where the page starts: take it from the nextLink of the page before",
            schema = @Schema(type = SchemaType.STRING))
    public Page<KeyItem> list() {
        return Pages.page(keys.list(caller(), keyVaultName), v -> v.key().name(), v -> KeyDtos.item(v, base(), false),
                request, listedUnder());
    }

    @POST
    @Path("{name}/create")
    @Operation(summary = "Create a key, or a new version of it (Azure Key Vault: Create Key)")
    @APIResponse(responseCode = "200", description = "The new version's key bundle (public parts only)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyBundle create(@PathParam("name") String name, @NotNull(message = "a JSON body is required") CreateKeyRequest body) {
        requireRsa(body.kty());
        body.requireSupported();
        int size = body.keySize() == null ? DEFAULT_KEY_SIZE : body.keySize();
        return KeyDtos.bundle(keys.create(caller(), keyVaultName, name, size, KeyDtos.operations(body.keyOps()),
                Attributes.toDomain(body.attributes(), body.tags())), base());
    }

    /** Import (BYOK): the JWK must hold the private parts; answers carry the public parts only. */
    @PUT
    @Path("{name}")
    @Operation(summary = IMPORT)
    @APIResponse(responseCode = "200", description = "The imported version's key bundle (public parts only)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyBundle importKey(@PathParam("name") String name, @NotNull(message = "a JSON body is required") ImportKeyRequest body) {
        ImportedJsonWebKey jwk = body.key();
        if (jwk == null) {
            throw StrongroomException.badRequest("'key' (a JSON Web Key with its private parts) is required", "key");
        }
        requireRsa(jwk.kty());
        jwk.requireRsaOnly();
        body.requireSupported();
        KeyOperations.ImportedRsaKey imported = new KeyOperations.ImportedRsaKey(KeyDtos.number(jwk.n(), "n"),
                KeyDtos.number(jwk.e(), "e"), KeyDtos.number(jwk.d(), "d"), KeyDtos.number(jwk.p(), "p"),
                KeyDtos.number(jwk.q(), "q"), KeyDtos.number(jwk.dp(), "dp"), KeyDtos.number(jwk.dq(), "dq"),
                KeyDtos.number(jwk.qi(), "qi"));
        return KeyDtos.bundle(keys.importKey(caller(), keyVaultName, name, imported, KeyDtos.operations(jwk.keyOps()),
                Attributes.toDomain(body.attributes(), body.tags())), base());
    }

    /**
     * Import (BYOK) of a PEM private key, PKCS#8 ({@code BEGIN PRIVATE KEY}, as {@code openssl genpkey} writes
     * it) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}): a Strongroom extension of the Azure API, which takes a JWK
     * only. The key gets the default operations and no time limits; PATCH changes them.
     */
    @PUT
    @Path("{name}")
    @Consumes(PEM)
    @Operation(summary = IMPORT)
    @APIResponse(responseCode = "200", description = "The imported version's key bundle (public parts only)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public KeyBundle importPem(@PathParam("name") String name, String pem) {
        if (pem == null || pem.isBlank()) {
            throw StrongroomException.badRequest("Send the PEM private key as the body", "body");
        }
        return KeyDtos.bundle(keys.importPem(caller(), keyVaultName, name, pem, null, KeyAttributes.NONE), base());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a key's newest version (Azure Key Vault: Get Key)")
    @APIResponse(responseCode = "200", description = "The key bundle (public parts only)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBundle get(@PathParam("name") String name) {
        return KeyDtos.bundle(keys.get(caller(), keyVaultName, name, null), base());
    }

    @GET
    @Path("{name}/versions")
    @Operation(summary = "List a key's versions (Azure Key Vault: Get Key Versions)")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(name = "maxresults", in = ParameterIn.QUERY, description = "Items a page, 1 to 25 (25 when absent)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "25"))
    @Parameter(name = "$skiptoken", in = ParameterIn.QUERY, description = "Where the page starts: take it from the nextLink of the page before",
            schema = @Schema(type = SchemaType.STRING))
    public Page<KeyItem> versions(@PathParam("name") String name) {
        return Pages.page(keys.versions(caller(), keyVaultName, name), v -> "%010d".formatted(v.version().sequence()),
                v -> KeyDtos.item(v, base(), true), request, listedUnder());
    }

    @GET
    @Path("{name}/{version}")
    @Operation(summary = "Read one version of a key")
    @APIResponse(responseCode = "200", description = "The key bundle (public parts only)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBundle getVersion(@PathParam("name") String name, @PathParam("version") String version) {
        return KeyDtos.bundle(keys.get(caller(), keyVaultName, name, version), base());
    }

    @PATCH
    @Path("{name}")
    @Operation(summary = "Change the newest version's attributes or operations (Azure Key Vault: Update Key)")
    @APIResponse(responseCode = "200", description = "The key bundle")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBundle update(@PathParam("name") String name, @NotNull(message = "a JSON body is required") UpdateKeyRequest body) {
        return updateVersion(name, null, body);
    }

    @PATCH
    @Path("{name}/{version}")
    @Operation(summary = "Change one version's attributes, operations or tags: enable, disable, nbf, exp")
    @APIResponse(responseCode = "200", description = "The key bundle")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBundle updateVersion(@PathParam("name") String name, @PathParam("version") String version,
                                   @NotNull(message = "a JSON body is required") UpdateKeyRequest body) {
        body.requireSupported();
        return KeyDtos.bundle(keys.update(caller(), keyVaultName, name, version, Attributes.toDomain(body.attributes(), body.tags()),
                KeyDtos.operations(body.keyOps())), base());
    }

    @GET
    @Path("{name}/rotationpolicy")
    @Operation(summary = "Read a key's rotation policy; the default one (notify 30 days before expiry) when it has none (Azure Key Vault: Get Key Rotation Policy)")
    @APIResponse(responseCode = "200", description = "The rotation policy")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RotationPolicy rotationPolicy(@PathParam("name") String name) {
        return KeyDtos.rotationPolicy(policies.get(caller(), keyVaultName, name), base());
    }

    @PUT
    @Path("{name}/rotationpolicy")
    @Operation(summary = "Set a key's rotation policy: rotate or notify a time after creation or before expiry, and the expiry time of new versions (Azure Key Vault: Update Key Rotation Policy)")
    @APIResponse(responseCode = "200", description = "The rotation policy")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RotationPolicy setRotationPolicy(@PathParam("name") String name,
                                            @NotNull(message = "a JSON body is required") RotationPolicy body) {
        return KeyDtos.rotationPolicy(policies.set(caller(), keyVaultName, name, body.toDomain()), base());
    }

    @POST
    @Path("{name}/backup")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Back up a key with all its versions, as a blob only a Strongroom with the same platform key can restore (Azure Key Vault: Backup Key)")
    @APIResponse(responseCode = "200", description = "The backup, base64url")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBackupBlob backup(@PathParam("name") String name) {
        return new KeyBackupBlob(KeyDtos.base64Url(backups.backup(caller(), keyVaultName, name)));
    }

    @POST
    @Path("restore")
    @Operation(summary = "Restore a backed-up key, with its versions, under its name (Azure Key Vault: Restore Key)")
    @APIResponse(responseCode = "200", description = "The restored key's bundle")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyBundle restore(@NotNull(message = "a JSON body is required") KeyBackupBlob body) {
        return KeyDtos.bundle(backups.restore(caller(), keyVaultName, KeyDtos.fromBase64Url(body.value(), "value")), base());
    }

    @POST
    @Path("{name}/rotate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Make a new version of the key (Azure Key Vault: Rotate Key); vaults following the key rewrap to it")
    @APIResponse(responseCode = "200", description = "The new version's key bundle")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyBundle rotate(@PathParam("name") String name) {
        return KeyDtos.bundle(keys.rotate(caller(), keyVaultName, name), base());
    }

    @DELETE
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a key: soft-deleted, recoverable within the retention days (Azure Key Vault: Delete Key)")
    @APIResponse(responseCode = "200", description = "The deleted key")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeletedKeyBundle delete(@PathParam("name") String name) {
        return KeyDtos.deletedBundle(keys.delete(caller(), keyVaultName, name), base());
    }

    @POST
    @Path("{name}/wrapkey")
    @Operation(summary = "Wrap a key with the newest version (Azure Key Vault: Wrap Key)")
    @APIResponse(responseCode = "200", description = "The wrapped value (base64url) and the kid that wrapped it")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyOperationResult wrapCurrent(@PathParam("name") String name, @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        return wrap(name, null, body);
    }

    @POST
    @Path("{name}/{version}/wrapkey")
    @Operation(summary = "Wrap a key with this version (Azure Key Vault: Wrap Key)")
    @APIResponse(responseCode = "200", description = "The wrapped value (base64url)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyOperationResult wrap(@PathParam("name") String name, @PathParam("version") String version,
                                   @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        KeyOperations.WrapResult result = keys.wrap(caller(), keyVaultName, name, version, algorithm(body.alg(), WrapAlgorithm::of, WrapAlgorithm.RSA_OAEP_256.jwaName()),
                KeyDtos.fromBase64Url(body.value(), "value"));
        return new KeyOperationResult(KeyDtos.kid(result.version(), base()), KeyDtos.base64Url(result.wrapped()));
    }

    @POST
    @Path("{name}/unwrapkey")
    @Operation(summary = "Unwrap a key with the newest version (Azure Key Vault: Unwrap Key)")
    @APIResponse(responseCode = "200", description = "The unwrapped value (base64url)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyOperationResult unwrapCurrent(@PathParam("name") String name, @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        return unwrap(name, null, body);
    }

    @POST
    @Path("{name}/{version}/unwrapkey")
    @Operation(summary = "Unwrap a key with this version (Azure Key Vault: Unwrap Key)")
    @APIResponse(responseCode = "200", description = "The unwrapped value (base64url)")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public KeyOperationResult unwrap(@PathParam("name") String name, @PathParam("version") String version,
                                     @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        try (KeyOperations.UnwrapResult result = keys.unwrap(caller(), keyVaultName, name, version, algorithm(body.alg(), WrapAlgorithm::of, WrapAlgorithm.RSA_OAEP_256.jwaName()),
                KeyDtos.fromBase64Url(body.value(), "value"))) {
            return new KeyOperationResult(KeyDtos.kid(result.version(), base()), KeyDtos.base64Url(result.secret().bytes()));
        }
    }

    @POST
    @Path("{name}/encrypt")
    @Operation(summary = "Encrypt one block with the newest version (Azure Key Vault: Encrypt)")
    @APIResponse(responseCode = "200", description = "The ciphertext (base64url) and the kid that made it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyOperationResult encryptCurrent(@PathParam("name") String name, @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        return encrypt(name, null, body);
    }

    @POST
    @Path("{name}/{version}/encrypt")
    @Operation(summary = "Encrypt one block with this version: RSA-OAEP-256, RSA-OAEP or RSA1_5 (Azure Key Vault: Encrypt)")
    @APIResponse(responseCode = "200", description = "The ciphertext (base64url)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyOperationResult encrypt(@PathParam("name") String name, @PathParam("version") String version,
                                      @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        KeyOperations.WrapResult result = keys.encrypt(caller(), keyVaultName, name, version, algorithm(body.alg(), EncryptionAlgorithm::of, null),
                KeyDtos.fromBase64Url(body.value(), "value"));
        return new KeyOperationResult(KeyDtos.kid(result.version(), base()), KeyDtos.base64Url(result.wrapped()));
    }

    @POST
    @Path("{name}/decrypt")
    @Operation(summary = "Decrypt one block with the newest version (Azure Key Vault: Decrypt)")
    @APIResponse(responseCode = "200", description = "The plaintext (base64url)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyOperationResult decryptCurrent(@PathParam("name") String name, @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        return decrypt(name, null, body);
    }

    @POST
    @Path("{name}/{version}/decrypt")
    @Operation(summary = "Decrypt one block with this version (Azure Key Vault: Decrypt)")
    @APIResponse(responseCode = "200", description = "The plaintext (base64url)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyOperationResult decrypt(@PathParam("name") String name, @PathParam("version") String version,
                                      @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        try (KeyOperations.UnwrapResult result = keys.decrypt(caller(), keyVaultName, name, version, algorithm(body.alg(), EncryptionAlgorithm::of, null),
                KeyDtos.fromBase64Url(body.value(), "value"))) {
            return new KeyOperationResult(KeyDtos.kid(result.version(), base()), KeyDtos.base64Url(result.secret().bytes()));
        }
    }

    @POST
    @Path("{name}/sign")
    @Operation(summary = "Sign a digest with the newest version (Azure Key Vault: Sign)")
    @APIResponse(responseCode = "200", description = "The signature (base64url) and the kid that made it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyOperationResult signCurrent(@PathParam("name") String name, @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        return sign(name, null, body);
    }

    @POST
    @Path("{name}/{version}/sign")
    @Operation(summary = "Sign a digest with this version: RS256/384/512 or PS256/384/512 (Azure Key Vault: Sign)")
    @APIResponse(responseCode = "200", description = "The signature (base64url)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyOperationResult sign(@PathParam("name") String name, @PathParam("version") String version,
                                   @NotNull(message = "a JSON body is required") KeyOperationRequest body) {
        KeyOperations.WrapResult result = keys.sign(caller(), keyVaultName, name, version, algorithm(body.alg(), SignatureAlgorithm::of, null),
                KeyDtos.fromBase64Url(body.value(), "value"));
        return new KeyOperationResult(KeyDtos.kid(result.version(), base()), KeyDtos.base64Url(result.wrapped()));
    }

    @POST
    @Path("{name}/verify")
    @Operation(summary = "Verify a signature with the newest version (Azure Key Vault: Verify)")
    @APIResponse(responseCode = "200", description = "Whether the signature is valid")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyDtos.KeyVerifyResult verifyCurrent(@PathParam("name") String name,
                                                 @NotNull(message = "a JSON body is required") KeyDtos.KeyVerifyRequest body) {
        return verify(name, null, body);
    }

    @POST
    @Path("{name}/{version}/verify")
    @Operation(summary = "Verify a signature over a digest with this version (Azure Key Vault: Verify)")
    @APIResponse(responseCode = "200", description = "Whether the signature is valid")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public KeyDtos.KeyVerifyResult verify(@PathParam("name") String name, @PathParam("version") String version,
                                          @NotNull(message = "a JSON body is required") KeyDtos.KeyVerifyRequest body) {
        return new KeyDtos.KeyVerifyResult(keys.verify(caller(), keyVaultName, name, version, algorithm(body.alg(), SignatureAlgorithm::of, null),
                KeyDtos.fromBase64Url(body.digest(), "digest"), KeyDtos.fromBase64Url(body.value(), "value")).valid());
    }

    private static void requireRsa(String kty) {
        if (!"RSA".equals(kty)) {
            throw StrongroomException.badRequest("Only RSA keys are supported (kty \"RSA\"), not " + kty, "kty");
        }
    }

    /** The {@code alg} of a request, read by {@code of}: 400 naming the supported ones when it is not one; {@code fallback} when absent, if any. */
    private static <A> A algorithm(String alg, Function<String, A> of, String fallback) {
        if (alg == null && fallback == null) {
            throw StrongroomException.badRequest("'alg' is required", "alg");
        }
        try {
            return of.apply(alg == null ? fallback : alg);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest(e.getMessage(), "alg");
        }
    }

    private Caller caller() {
        return Callers.of(security);
    }

    private KeyVaultUris base() {
        return KeyVaultUris.of(settings);
    }

    private String listedUnder() {
        return VaultHostRouting.keyVaultUri(servletRequest, base(), keyVaultName);
    }
}
