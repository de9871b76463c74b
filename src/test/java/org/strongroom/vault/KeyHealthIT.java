package org.strongroom.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

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
import org.strongroom.support.Prometheus;

/**
 * The key health probe (issue 18, "ahead of failures"): as the vault's identity it finds what would make the
 * next backup fail — a key expiring within 30 days, a permission taken away — shows it on the vault's
 * encryption properties, and records the change in the activity log, and its passing when it is fixed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyHealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static List<String> warnings(JsonObject health) {
        return health.getJsonArray("warnings").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private JsonObject probe(Cmk cmk, String vault) {
        Api.Response probed = cmk.admin().post("/api/vaults/" + vault + "/encryption/keyHealth", null);
        assertEquals(200, probed.status(), probed.toString());
        return probed.json();
    }

    private List<String> activity(Cmk cmk, String vault) {
        return cmk.admin().get("/api/activitylog?resource=vaults/" + vault + "/encryption").json().getJsonArray("value").stream()
                .map(r -> r.asJsonObject().getString("operation")).toList();
    }

    @Test
    void keyExpiringWithin30Days_orAPermissionTakenAway_isAWarning_untilFixed() {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        assertEquals("Healthy", probe(cmk, setup.vault()).getString("status"));
        double warningsBefore = Prometheus.metric(Prometheus.scrape(base), "strongroom_key_health_probes_total", "status=\"Warning\"");

        long soon = Instant.now().plus(Duration.ofDays(10)).getEpochSecond();
        assertEquals(200, cmk.admin().send("PATCH", Cmk.path(setup.kid()), "{\"attributes\":{\"exp\":" + soon + "}}",
                "application/json").status());
        cmk.grant(setup.keyVault(), setup.principal(), "\"get\",\"list\",\"unwrapKey\"");
        JsonObject warned = probe(cmk, setup.vault());
        assertEquals("Warning", warned.getString("status"));
        List<String> found = warnings(warned);
        assertTrue(found.stream().anyMatch(w -> w.contains("within 30 days")), found.toString());
        assertTrue(found.stream().anyMatch(w -> w.contains("[wrapKey]")), found.toString());
        JsonObject shown = cmk.encryption(setup.vault()).getJsonObject("keyHealth");
        assertEquals(found, warnings(shown), "the encryption properties show the last probe");
        assertEquals(List.of("KeyHealthWarning"), activity(cmk, setup.vault()).stream().filter(o -> o.startsWith("KeyHealth")).toList());
        assertEquals(warningsBefore + 1, Prometheus.metric(Prometheus.scrape(base), "strongroom_key_health_probes_total",
                "status=\"Warning\""), "the metric counts the warning");

        probe(cmk, setup.vault());
        assertEquals(1, activity(cmk, setup.vault()).stream().filter(o -> o.equals("KeyHealthWarning")).count(),
                "the same findings are not recorded twice");

        cmk.grant(setup.keyVault(), setup.principal(), Cmk.ALL_FOUR);
        assertEquals(200, cmk.admin().send("PATCH", Cmk.path(setup.kid()), "{\"attributes\":{\"exp\":"
                + Instant.now().plus(Duration.ofDays(400)).getEpochSecond() + "}}", "application/json").status());
        assertEquals("Healthy", probe(cmk, setup.vault()).getString("status"));
        assertTrue(activity(cmk, setup.vault()).contains("KeyHealthRestored"));
    }

    @Test
    void aVaultWithoutCustomerManagedKey_hasNothingToProbe_andReadersMayNotProbe() {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        assertTrue(cmk.admin().post("/api/vaults/" + vault + "/encryption/keyHealth", null).isError(409, "Conflict"));
        assertEquals(403, cmk.admin().newUser("reader").post("/api/vaults/" + vault + "/encryption/keyHealth", null).status());
    }
}
