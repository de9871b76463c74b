package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Resource paths as the activity log and refusals name them: the REST paths below /api, spelled one way. */
class ResourcePathTest {

    @Test
    void eachResource_isItsRestPath() {
        UUID point = UUID.fromString("7d3f5c1e-0a2b-4c6d-8e9f-102132435465");
        assertEquals("vaults/v1", ResourcePath.vault(VaultName.of("v1")).toString());
        assertEquals("vaults/v1/encryption", ResourcePath.vault(VaultName.of("v1")).child("encryption").toString());
        assertEquals("vaults/v1/items/files1", ResourcePath.item(ItemRef.of(VaultName.of("v1"), "files1")).toString());
        assertEquals("vaults/v1/items/files1/recoveryPoints/" + point, ResourcePath.recoveryPoint(ItemRef.of(VaultName.of("v1"), "files1"), point).toString());
        assertEquals("keyvaults/kv1", ResourcePath.keyVault("kv1").toString());
        assertEquals("keyvaults/kv1/keys/k", ResourcePath.key("kv1", "k").toString());
        assertEquals("keyvaults/kv1/accessPolicies/p", ResourcePath.keyVault("kv1").child("accessPolicies", "p").toString());
        assertEquals("diskEncryptionSets/des1", ResourcePath.diskEncryptionSet("des1").toString());
        assertEquals(ResourcePath.item(ItemRef.of(VaultName.of("v1"), "i")), ResourcePath.vault(VaultName.of("v1")).child("items", "i"));
    }

    @Test
    void namesInAPath_areReadBackByTheirCollection() {
        ResourcePath point = ResourcePath.recoveryPoint(ItemRef.of(VaultName.of("v1"), "files1"), "p1");
        assertEquals(VaultName.of("v1"), point.vaultName());
        assertEquals(ItemRef.of(VaultName.of("v1"), "files1"), point.itemRef());
        assertEquals(Optional.of("p1"), point.nameAfter("recoveryPoints"));
        assertEquals(Optional.empty(), ResourcePath.vault(VaultName.of("v1")).nameAfter("items"));
        assertEquals(Optional.empty(), ResourcePath.key("items", "k").nameAfter("items"), "a name is never read as a collection");
        assertThrows(IllegalStateException.class, () -> ResourcePath.vault(VaultName.of("v1")).itemRef());
        assertThrows(IllegalStateException.class, () -> ResourcePath.keyVault("kv1").vaultName());
    }
}
