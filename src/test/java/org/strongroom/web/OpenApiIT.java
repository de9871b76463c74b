package org.strongroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * The served OpenAPI document, read with an OpenAPI parser as a client generator would: valid, every
 * operation with a summary, its success and error statuses (errors with the {@code Error} body) and its
 * security; and the statuses real calls answer are the ones it declares.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private OpenAPI document() {
        Api.Response served = Api.anonymous(base).get("/openapi?format=JSON");
        assertEquals(200, served.status(), served.toString());
        ParseOptions options = new ParseOptions();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        List<String> messages = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        // WildFly 39.0.1 merges a server-wide model into every document with empty license and externalDocs objects
        // (HostOpenAPIModelConfiguration), after the application's filter: not Strongroom's to remove.
        messages.removeAll(List.of("attribute info.license.name is missing", "attribute info.license.identifier is missing",
                "attribute externalDocs.url is missing"));
        assertTrue(messages.isEmpty(), "parser messages: " + messages);
        assertNotNull(parsed.getOpenAPI());
        return parsed.getOpenAPI();
    }

    @Test
    void everyOperation_hasASummary_itsStatusesWithTheErrorBody_andItsSecurity() {
        OpenAPI api = document();
        SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basic");
        assertEquals(SecurityScheme.Type.HTTP, basic.getType());
        assertEquals("basic", basic.getScheme());
        assertTrue(api.getComponents().getSchemas().get("Error").getProperties().keySet().containsAll(List.of("code", "message", "target")));

        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    problems.add(name + ": no summary");
                }
                Map<String, ApiResponse> responses = operation.getResponses();
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    problems.add(name + ": no success status, only " + responses.keySet());
                }
                if (responses.containsKey("default") || responses.values().stream().anyMatch(r -> "OK".equals(r.getDescription()))) {
                    problems.add(name + ": a generic response instead of the real ones");
                }
                for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
                    boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                    boolean healthDown = path.getKey().equals("/api/health") && response.getKey().equals("503");
                    if (error && !healthDown) {
                        ApiResponse declared = resolve(api, response.getValue());
                        MediaType json = declared.getContent() == null ? null : declared.getContent().get("application/json");
                        if (json == null || json.getSchema() == null || !"#/components/schemas/Error".equals(json.getSchema().get$ref())) {
                            problems.add(name + ": " + response.getKey() + " without the Error body");
                        }
                    }
                }
                boolean open = path.getKey().equals("/api/health");
                boolean secured = operation.getSecurity() != null
                        && operation.getSecurity().stream().anyMatch(requirement -> requirement.containsKey("basic"));
                if (open == secured) {
                    problems.add(name + (open ? ": needs no credentials but declares security" : ": no security requirement"));
                }
                if (!open && !responses.containsKey("401")) {
                    problems.add(name + ": no 401");
                }
                if (operation.getRequestBody() != null && !responses.keySet().containsAll(List.of("400", "415"))) {
                    problems.add(name + ": takes a body but declares no 400/415");
                }
            }
        }
        assertTrue(operations >= 50, "all operations are in the document: " + operations);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The response a {@code $ref} names in {@code components.responses}, or the response itself. */
    private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void statusesAnsweredByRealCalls_areTheOnesTheDocumentDeclares() {
        OpenAPI api = document();
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        String vault = Names.unique("oa-");
        String kv = cmk.keyVault();
        String principal = UUID.randomUUID().toString();
        record Call(PathItem.HttpMethod method, String template, Api.Response answer) {
        }
        List<Call> calls = new ArrayList<>();
        calls.add(new Call(PathItem.HttpMethod.PUT, "/api/vaults/{vault}", admin.put("/api/vaults/" + vault,
                "{\"region\":\"westeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}")));
        calls.add(new Call(PathItem.HttpMethod.PUT, "/api/vaults/{vault}", admin.put("/api/vaults/" + vault,
                "{\"region\":\"westeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}")));
        calls.add(new Call(PathItem.HttpMethod.PUT, "/api/vaults/{vault}", admin.put("/api/vaults/" + vault,
                "{\"region\":\"northeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}")));
        calls.add(new Call(PathItem.HttpMethod.GET, "/api/vaults/{vault}", admin.get("/api/vaults/" + Names.unique("none-"))));
        calls.add(new Call(PathItem.HttpMethod.GET, "/api/vaults", Api.anonymous(base).get("/api/vaults")));
        calls.add(new Call(PathItem.HttpMethod.PUT, "/api/keyvaults/{kv}/accessPolicies/{principalId}", admin.put("/api/keyvaults/"
                + kv + "/accessPolicies/" + principal, "{\"permissions\":{\"keys\":[\"get\"]}}")));
        calls.add(new Call(PathItem.HttpMethod.DELETE, "/api/keyvaults/{kv}/accessPolicies/{principalId}",
                admin.delete("/api/keyvaults/" + kv + "/accessPolicies/" + principal)));
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "oa");
        Api.Response assigned = cmk.assign(setup.vault(), setup.kid(), Cmk.KEY_VAULT_SUBSCRIPTION, null);
        calls.add(new Call(PathItem.HttpMethod.PUT, "/api/vaults/{vault}/encryption", assigned));
        cmk.awaitJob(assigned);
        String item = cmk.filesItem(setup.vault(), "files1", SourceTrees.tree("openapi", 80));
        Api.Response backup = admin.post(item + "/backup", "{}");
        calls.add(new Call(PathItem.HttpMethod.POST, "/api/vaults/{vault}/items/{item}/backup", backup));
        cmk.awaitJob(backup);
        calls.add(new Call(PathItem.HttpMethod.POST, "/api/vaults/{vault}/items/{item}/recoveryPoints/{rp}/restore",
                admin.post(item + "/recoveryPoints/" + cmk.newestPoint(item) + "/restore", "{\"targetPath\":\"/tmp\"}")));
        calls.add(new Call(PathItem.HttpMethod.PUT, "/api/vaults/{vault}", admin.send("PUT", "/api/vaults/" + vault, "x", "text/plain")));
        calls.add(new Call(PathItem.HttpMethod.GET, "/api/health", Api.anonymous(base).get("/api/health")));

        for (Call call : calls) {
            Operation operation = api.getPaths().get(call.template()).readOperationsMap().get(call.method());
            assertNotNull(operation, call.method() + " " + call.template());
            assertTrue(operation.getResponses().containsKey(String.valueOf(call.answer().status())),
                    call.method() + " " + call.template() + " answered " + call.answer().status() + ", the document declares "
                            + operation.getResponses().keySet());
        }
    }
}
