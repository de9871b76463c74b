package org.strongroom.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.SourceTrees;

/**
 * Multi-user authorization: a resource guard owned by a user no admin can reset, a vault bound to it, and
 * each critical operation refused until the owner approved a request of the admin who runs it — once, for
 * that admin, that vault and that operation.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceGuardIT {

    private static final String REFUSED = "UserErrorResourceGuardApprovalRequired";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    /** A guard owner: a reader who set their own password, and the guard they created. */
    private record Owner(String name, Api api, String guard) {
    }

    private Owner owner(Api admin) {
        String name = "security-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.put("/api/users/" + name, "{\"password\":\"set-by-admin-1x\",\"roles\":[\"reader\"]}").status());
        Api owner = Api.as(base, name, "set-by-admin-1x");
        String guard = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response knownPassword = owner.put("/api/resourceGuards/" + guard, null);
        assertTrue(knownPassword.isError(409, "UserErrorResourceGuardOwner"), "an admin knows this password: " + knownPassword);
        assertEquals(204, owner.put("/api/me/password", "{\"currentPassword\":\"set-by-admin-1x\",\"newPassword\":\"only-mine-Secret-9\"}").status());
        owner = Api.as(base, name, "only-mine-Secret-9");
        Api.Response created = owner.put("/api/resourceGuards/" + guard, null);
        assertEquals(201, created.status(), created.toString());
        assertEquals(name, created.json().getString("owner"));
        return new Owner(name, owner, guard);
    }

    private static void bind(Api admin, String vault, String guard) {
        Api.Response bound = admin.put("/api/vaults/" + vault + "/resourceGuard", "{\"resourceGuard\":\"" + guard + "\"}");
        assertEquals(200, bound.status(), bound.toString());
    }

    /** The admin requests {@code operation} on {@code vault}; the owner approves it. */
    private static void approved(Api admin, Owner owner, String vault, String operation) {
        Api.Response requested = admin.post("/api/resourceGuards/" + owner.guard() + "/requests",
                "{\"vault\":\"" + vault + "\",\"operation\":\"" + operation + "\",\"justification\":\"test\"}");
        assertEquals(201, requested.status(), requested.toString());
        assertEquals("Pending", requested.json().getString("status"));
        String id = requested.json().getString("id");
        Api.Response byAdmin = admin.post("/api/resourceGuards/" + owner.guard() + "/requests/" + id + "/approve", "{}");
        assertTrue(byAdmin.isError(403, "Forbidden"), "only the owner approves: " + byAdmin);
        Api.Response approval = owner.api().post("/api/resourceGuards/" + owner.guard() + "/requests/" + id + "/approve",
                "{\"validForMinutes\":10}");
        assertEquals(200, approval.status(), approval.toString());
        assertEquals("Approved", approval.json().getString("status"));
    }

    @Test
    void guardOwnersAccount_isOutOfTheAdminsReach_andAnAdminCannotOwnAGuard() {
        Api admin = Api.admin(base);
        Owner owner = owner(admin);
        Api.Response reset = admin.put("/api/users/" + owner.name(), "{\"password\":\"admin-knows-it-7x\",\"roles\":[\"reader\"]}");
        assertTrue(reset.isError(409, "UserErrorResourceGuardOwner"), reset.toString());
        Api.Response promoted = admin.put("/api/users/" + owner.name(), "{\"password\":\"admin-knows-it-7x\",\"roles\":[\"admin\"]}");
        assertTrue(promoted.isError(409, "UserErrorResourceGuardOwner"), promoted.toString());
        assertTrue(admin.delete("/api/users/" + owner.name()).isError(409, "UserErrorResourceGuardOwner"));
        assertEquals(200, owner.api().get("/api/me").status(), "the owner's password still works");
        Api.Response adminGuard = admin.put("/api/resourceGuards/admins-own", null);
        assertTrue(adminGuard.isError(409, "UserErrorResourceGuardOwner"), adminGuard.toString());
    }

    @Test
    void criticalOperationsOfABoundVault_needTheOwnersApproval_eachOnce_forTheAdminWhoAsked() throws Exception {
        Api admin = Api.admin(base);
        Owner owner = owner(admin);
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        Path source = SourceTrees.newDirectory("guarded");
        Files.writeString(source.resolve("a.txt"), "guarded data");
        String item = "/api/vaults/" + vault + "/items/files1";
        assertEquals(201, admin.put(item, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source
                + "\"},\"policy\":{\"retentionDays\":30}}").status());
        bind(admin, vault, owner.guard());
        assertEquals(owner.guard(), admin.get("/api/vaults/" + vault + "/resourceGuard").json().getString("resourceGuard"));

        assertTrue(admin.put("/api/vaults/" + vault + "/softDelete", "{\"state\":\"Disabled\"}").isError(403, REFUSED));
        assertTrue(admin.put(item, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source
                + "\"},\"policy\":{\"retentionDays\":1}}").isError(403, REFUSED), "shorter retention");
        assertEquals(200, admin.put(item, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + source
                + "\"},\"policy\":{\"retentionDays\":60}}").status(), "a longer retention weakens nothing");
        assertTrue(admin.post(item + "/stopProtection?deleteData=true", null).isError(403, REFUSED));
        assertTrue(admin.delete("/api/vaults/" + vault + "/resourceGuard").isError(403, REFUSED));
        assertTrue(admin.delete(item).status() == 204, "an item without data goes: nothing is destroyed");
        Api.Response deleteVault = admin.delete("/api/vaults/" + vault);
        assertTrue(deleteVault.isError(403, REFUSED), deleteVault.toString());
        assertTrue(deleteVault.json().getString("message").contains(owner.name()), "names whom to ask: " + deleteVault);

        approved(admin, owner, vault, "DisableSoftDelete");
        String other = "admin2-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, admin.put("/api/users/" + other, "{\"password\":\"other-admin-Pw-5\",\"roles\":[\"admin\"]}").status());
        try {
            assertTrue(Api.as(base, other, "other-admin-Pw-5").put("/api/vaults/" + vault + "/softDelete", "{\"state\":\"Disabled\"}")
                    .isError(403, REFUSED), "the approval is the requester's");
        } finally {
            assertEquals(204, admin.delete("/api/users/" + other).status());
        }
        Api.Response disabled = admin.put("/api/vaults/" + vault + "/softDelete", "{\"state\":\"Disabled\"}");
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals(200, admin.put("/api/vaults/" + vault + "/softDelete", "{\"state\":\"Enabled\"}").status(), "strengthening needs none");
        assertTrue(admin.put("/api/vaults/" + vault + "/softDelete", "{\"state\":\"Disabled\"}").isError(403, REFUSED),
                "an approval is used once");

        approved(admin, owner, vault, "DeleteVault");
        assertEquals(204, admin.delete("/api/vaults/" + vault).status());
        JsonObject requests = owner.api().get("/api/resourceGuards/" + owner.guard() + "/requests").json();
        assertEquals("Used", requests.getJsonArray("value").getJsonObject(0).getString("status"));
        assertEquals(204, owner.api().delete("/api/resourceGuards/" + owner.guard()).status(), "no vault bound any more");
    }

    @Test
    void keyVaultGrantOfAGuardedCmkVault_cannotBeCutWithoutApproval() {
        Api admin = Api.admin(base);
        Owner owner = owner(admin);
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        bind(admin, setup.vault(), owner.guard());
        String policy = "/api/keyvaults/" + setup.keyVault() + "/accessPolicies/" + setup.principal();

        Api.Response narrowed = admin.put(policy, "{\"permissions\":{\"keys\":[\"get\",\"list\"]}}");
        assertTrue(narrowed.isError(403, REFUSED), narrowed.toString());
        assertTrue(admin.delete(policy).isError(403, REFUSED));
        assertEquals(200, admin.put(policy, "{\"permissions\":{\"keys\":[\"get\",\"list\",\"wrapKey\",\"unwrapKey\",\"sign\"]}}").status(),
                "keeping the four weakens nothing");

        approved(admin, owner, setup.vault(), "ModifyKeyVaultAccess");
        assertEquals(204, admin.delete(policy).status());
    }
}
