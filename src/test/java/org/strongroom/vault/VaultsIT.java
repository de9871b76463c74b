package org.strongroom.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;

/** {@code /api/vaults} over HTTP (API.md, Vaults). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VaultsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static String body(String region, String subscription, String resourceGroup) {
        return "{\"region\":\"" + region + "\",\"subscriptionId\":\"" + subscription
                + "\",\"resourceGroup\":\"" + resourceGroup + "\"}";
    }

    @Test
    void putVault_creates201_thenSamePut200_andGetAndListShowIt() {
        Api admin = Api.admin(base);
        String vault = "v-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Response created = admin.put("/api/vaults/" + vault, body("westeurope", "sub-1", "rg-backup"));
        assertEquals(201, created.status(), created.toString());
        assertEquals(base + "api/vaults/" + vault, created.header("Location"));
        JsonObject json = created.json();
        assertEquals(vault, json.getString("name"));
        assertEquals("westeurope", json.getString("region"));
        assertEquals("sub-1", json.getString("subscriptionId"));
        assertEquals("rg-backup", json.getString("resourceGroup"));

        assertEquals(200, admin.put("/api/vaults/" + vault, body("westeurope", "sub-1", "rg-backup")).status());

        Api.Response got = admin.get("/api/vaults/" + vault);
        assertEquals(200, got.status());
        assertEquals("westeurope", got.json().getString("region"));

        Api.Response list = admin.get("/api/vaults");
        assertEquals(200, list.status());
        assertTrue(list.json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getString("name").equals(vault)), list.toString());
    }

    @Test
    void putVault_inAnotherRegion_is409AndLeavesTheVaultAsItWas() {
        Api admin = Api.admin(base);
        String vault = "v-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.put("/api/vaults/" + vault, body("westeurope", "sub-1", "rg-1")).status());

        Api.Response moved = admin.put("/api/vaults/" + vault, body("northeurope", "sub-1", "rg-1"));
        assertTrue(moved.isError(409, "Conflict"), moved.toString());
        assertEquals("region", moved.json().getString("target"));
        assertEquals("westeurope", admin.get("/api/vaults/" + vault).json().getString("region"));
    }

    @Test
    void putVault_inAnotherResourceGroup_is409PointingToMove() {
        Api admin = Api.admin(base);
        String vault = "v-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.put("/api/vaults/" + vault, body("westeurope", "sub-1", "rg-1")).status());

        Api.Response moved = admin.put("/api/vaults/" + vault, body("westeurope", "sub-1", "rg-2"));
        assertTrue(moved.isError(409, "Conflict"), moved.toString());
        assertTrue(moved.json().getString("message").contains("/move"), moved.toString());
        assertEquals("rg-1", admin.get("/api/vaults/" + vault).json().getString("resourceGroup"));
    }
}
