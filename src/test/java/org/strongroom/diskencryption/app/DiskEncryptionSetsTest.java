package org.strongroom.diskencryption.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiskEncryptionSetsTest {

    private static final String KID = "https://kv1.vault.example:8443/keys/des-key/0f1e2d";

    @Test
    void aSetSealsWithTheVersionsOfTheKeyItFollows_orTheOneItPins() {
        assertTrue(DiskEncryptionSets.sealsWith("https://kv1.vault.example:8443/keys/des-key", KID));
        assertTrue(DiskEncryptionSets.sealsWith("https://kv1.vault.example:8443/keys/des-key/", KID));
        assertTrue(DiskEncryptionSets.sealsWith(KID, KID));
        assertFalse(DiskEncryptionSets.sealsWith("https://kv1.vault.example:8443/keys/des-key/other", KID));
        assertFalse(DiskEncryptionSets.sealsWith("https://kv1.vault.example:8443/keys/des", KID), "another key's name prefix");
        assertFalse(DiskEncryptionSets.sealsWith("https://kv2.vault.example:8443/keys/des-key", KID));
    }
}
