package org.strongroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;

/** Every refusal is a 4xx with {@code {"code","message","target"}}, never a stack trace, and leaves nothing behind. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorModelIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static String newVault() {
        return "v-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void assertNoVault(String vault) {
        assertTrue(Api.admin(base).get("/api/vaults/" + vault).isError(404, "NotFound"), vault + " must not exist");
    }

    private static void assertNoStackTrace(Api.Response answer) {
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), answer.body());
    }

    @Test
    void malformedJson_is400BadRequest_andCreatesNothing() {
        String vault = newVault();
        Api.Response answer = Api.admin(base).put("/api/vaults/" + vault, "{\"region\": \"westeurope\", ");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        assertEquals("body", answer.json().getString("target"));
        assertNoStackTrace(answer);
        assertNoVault(vault);
    }

    @Test
    void malformedJson_isToldInPlainWordsWithLineAndColumn_withoutTheParsersJargon() {
        String vault = newVault();
        Api.Response answer = Api.admin(base).put("/api/vaults/" + vault,
                "{\"region\":\"westeurope\",\n \"subscriptionId\":\"s1\",}");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        String message = answer.json().getString("message");
        assertTrue(message.contains("at line 2, column 24: expected a \"quoted\" string but found '}'"), message);
        assertFalse(message.contains("CURLYCLOSE") || message.contains("token") || message.contains("line no="), message);

        Api.Response singleQuotes = Api.admin(base).put("/api/vaults/" + vault, "{'region':'westeurope'}");
        assertTrue(singleQuotes.json().getString("message").contains("double quotes"), singleQuotes.toString());
        assertNoVault(vault);
    }

    @Test
    void unknownField_is400NamingIt_andTheFieldItMostLikelyMeant_andCreatesNothing() {
        String vault = newVault();
        Api.Response answer = Api.admin(base).put("/api/vaults/" + vault,
                "{\"location\":\"westeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        assertEquals("location", answer.json().getString("target"));
        String message = answer.json().getString("message");
        assertTrue(message.contains("Unknown field 'location'") && message.contains("did you mean 'region'?"), message);
        assertNoVault(vault);

        Api.Response typo = Api.admin(base).put("/api/vaults/" + vault,
                "{\"region\":\"westeurope\",\"subscriptionID\":\"s1\",\"resourceGroup\":\"rg\"}");
        assertTrue(typo.json().getString("message").contains("did you mean 'subscriptionId'?"), typo.toString());
        assertNoVault(vault);
    }

    @Test
    void unknownNestedField_isNamedWithItsPath() {
        Api admin = Api.admin(base);
        String vault = newVault();
        assertEquals(201, admin.put("/api/vaults/" + vault,
                "{\"region\":\"westeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}").status());
        Api.Response answer = admin.put("/api/vaults/" + vault + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"pth\":\"/tmp\"},\"policy\":{\"retentionDay\":3}}");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        assertEquals("source.pth", answer.json().getString("target"));
        assertTrue(answer.json().getString("message").contains("did you mean 'source.path'?"), answer.toString());
        assertTrue(admin.get("/api/vaults/" + vault + "/items/files1").isError(404, "NotFound"), "no item registered");
        assertEquals("NotStarted", admin.get("/api/vaults/" + vault + "/encryption").json().getString("lastUpdateStatus"));
    }

    @Test
    void aFieldNamedTwice_is400() {
        String vault = newVault();
        Api.Response answer = Api.admin(base).put("/api/vaults/" + vault,
                "{\"region\":\"westeurope\",\"region\":\"northeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        assertEquals("region", answer.json().getString("target"));
        assertNoVault(vault);
    }

    @Test
    void wrongPassword_saysTheCredentialsAreWrong_withoutSayingWhichPart() {
        Api.Response wrongPassword = Api.as(base, "admin", "not-the-password").get("/api/vaults");
        Api.Response noSuchUser = Api.as(base, "nobody-" + UUID.randomUUID(), "whatever").get("/api/vaults");
        Api.Response none = Api.anonymous(base).get("/api/vaults");
        assertTrue(wrongPassword.isError(401, "Unauthorized"), wrongPassword.toString());
        assertEquals("The user name or password is not correct", wrongPassword.json().getString("message"));
        assertEquals(wrongPassword.json().getString("message"), noSuchUser.json().getString("message"),
                "a wrong user and a wrong password look the same");
        assertTrue(none.json().getString("message").startsWith("Authentication required"), none.toString());
    }

    @Test
    void wrongJsonType_is400BadRequest() {
        String vault = newVault();
        Api.Response answer = Api.admin(base).put("/api/vaults/" + vault,
                "{\"region\":{\"nested\":true},\"subscriptionId\":\"s\",\"resourceGroup\":\"rg\"}");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        assertNoStackTrace(answer);
        assertNoVault(vault);
    }

    @Test
    void missingBody_is400BadRequest() {
        Api.Response answer = Api.admin(base).send("PUT", "/api/vaults/" + newVault(), null, "application/json");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
    }

    @Test
    void missingField_is400TargetingThatField() {
        String vault = newVault();
        Api.Response answer = Api.admin(base).put("/api/vaults/" + vault, "{\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}");
        assertTrue(answer.isError(400, "BadRequest"), answer.toString());
        assertEquals("region", answer.json().getString("target"));
        assertNoVault(vault);
    }

    @Test
    void invalidVaultName_is400TargetingTheName() {
        for (String name : new String[] {"a", "has_underscore", "x".repeat(51)}) {
            Api.Response answer = Api.admin(base).put("/api/vaults/" + name,
                    "{\"region\":\"westeurope\",\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\"}");
            assertTrue(answer.isError(400, "BadRequest"), name + ": " + answer);
            assertEquals("vault", answer.json().getString("target"));
        }
    }

    @Test
    void unknownVault_is404NotFound() {
        Api.Response answer = Api.admin(base).get("/api/vaults/" + newVault());
        assertTrue(answer.isError(404, "NotFound"), answer.toString());
    }

    @Test
    void unknownPath_is404NotFound() {
        Api.Response answer = Api.admin(base).get("/api/no-such-thing");
        assertTrue(answer.isError(404, "NotFound"), answer.toString());
        assertEquals("/api/no-such-thing", answer.json().getString("target"));
    }

    @Test
    void wrongMethod_is405WithAllowHeader() {
        Api.Response answer = Api.admin(base).send("PATCH", "/api/vaults/" + newVault(), "{}", "application/json");
        assertTrue(answer.isError(405, "MethodNotAllowed"), answer.toString());
        assertTrue(answer.header("Allow") != null && answer.header("Allow").contains("PUT"), answer.header("Allow"));
    }

    @Test
    void nonJsonBody_is415UnsupportedMediaType() {
        Api.Response answer = Api.admin(base).send("PUT", "/api/vaults/" + newVault(), "region=x", "text/plain");
        assertTrue(answer.isError(415, "UnsupportedMediaType"), answer.toString());
    }

    @Test
    void unknownJob_is404_andJobIdNotAUuid_is404() {
        assertTrue(Api.admin(base).get("/api/jobs/" + UUID.randomUUID()).isError(404, "NotFound"));
        assertTrue(Api.admin(base).get("/api/jobs/not-a-uuid").isError(404, "NotFound"));
    }

    @Test
    void jobFilters_withUnknownValues_are400TargetingTheParameter() {
        Api admin = Api.admin(base);
        String[][] cases = {
                {"status=Sleeping", "status"}, {"operation=Explode", "operation"}, {"from=yesterday", "from"},
                {"to=2026-13-01T00:00:00Z", "to"}, {"limit=0", "limit"}, {"limit=lots", "limit"},
                {"from=2026-11-28T12:00:00Z&to=2026-11-28T11:00:00Z", "from"}};
        for (String[] c : cases) {
            Api.Response answer = admin.get("/api/jobs?" + c[0]);
            assertTrue(answer.isError(400, "BadRequest"), c[0] + ": " + answer);
            assertEquals(c[1], answer.json().getString("target"), c[0]);
        }
    }

    @Test
    void jobFilters_thatMatchNothing_answerAnEmptyList() {
        Api.Response answer = Api.admin(base).get("/api/jobs?vault=" + newVault() + "&from=2026-01-01T00:00:00Z");
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("{\"value\":[]}", answer.body());
    }
}
