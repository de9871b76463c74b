package org.strongroom.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document with what holds for every operation, so that the resources
 * annotate only what is theirs (summary, success statuses, the refusals particular to them):
 * <ul>
 *   <li>the error body {@code Error} ({@code {"code","message","target"}}) and one reusable response per
 *       refusal family ({@code #/components/responses/NotFound}, ...), which resources refer to;</li>
 *   <li>the security requirement (HTTP Basic) and {@code 401} on every operation that needs credentials: all
 *       but {@code GET /api/health};</li>
 *   <li>{@code 400}, {@code 413} and {@code 415} on every operation that takes a body (malformed or unknown
 *       fields, more than 4 MiB, not JSON), and {@code 500} on all.</li>
 * </ul>
 * Registered by {@code mp.openapi.filter} in META-INF/microprofile-config.properties.
 */
public class OpenApiDocument implements OASFilter {

    /** The security scheme: HTTP Basic with a Strongroom user. */
    public static final String BASIC = "basic";

    private static final String ERROR = "Error";
    private static final String HEALTH = "/api/health";

    /** The reusable refusals: name, status, description. */
    private static final List<String[]> REFUSALS = List.of(
            new String[] {"BadRequest", "400", "BadRequest or one of the seed's UserError codes: the request is not valid "
                    + "(malformed JSON, an unknown or missing field, a value out of range)"},
            new String[] {"Unauthorized", "401", "Unauthorized: no credentials, or a wrong user name or password"},
            new String[] {"Forbidden", "403", "Forbidden: the caller's role, or the key vault's access policies, do not "
                    + "allow this call"},
            new String[] {"NotFound", "404", "NotFound: no resource at this path"},
            new String[] {"Conflict", "409", "Conflict or one of the seed's UserError codes: the resource's state forbids "
                    + "the change"},
            new String[] {"PayloadTooLarge", "413", "PayloadTooLarge: the body has more than 4 MiB"},
            new String[] {"UnsupportedMediaType", "415", "UnsupportedMediaType: the body is not application/json"},
            new String[] {"InternalError", "500", "InternalError (with a reference to the server log) or "
                    + "DataIntegrityError"});

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ERROR, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Every refusal and failure: the public code, a message meant for people, and what it is "
                        + "about (a field, a path, a key id)")
                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("e.g. BadRequest, NotFound, Conflict, UserErrorKeyVaultPermissionsNotConfigured"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("target", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("code", "message"))
                .examples(List.of(Map.of("code", "UserErrorKeyVaultPermissionsNotConfigured", "message",
                        "Key vault 'kv1' does not grant the vault's identity 02e499e6-4c14-4295-b243-ad64f4330458 the key "
                                + "permissions [wrapKey, unwrapKey] (it needs [get, list, wrapKey, unwrapKey])",
                        "target", "keyUri"))));
        for (String[] refusal : REFUSALS) {
            components.addResponse(refusal[0], OASFactory.createAPIResponse().description(refusal[2]).content(errorBody()));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                complete(path.getKey(), operation);
            }
        }
    }

    private static void complete(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!HEALTH.equals(path)) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BASIC)));
            add(responses, "401", "Unauthorized");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "400", "BadRequest");
            add(responses, "413", "PayloadTooLarge");
            add(responses, "415", "UnsupportedMediaType");
        }
        add(responses, "500", "InternalError");
    }

    private static void add(APIResponses responses, String status, String refusal) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(refusal));
        }
    }

    private static Content errorBody() {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR)));
    }
}
