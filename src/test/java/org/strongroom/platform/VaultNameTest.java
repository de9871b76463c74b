package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A vault name is checked once, where it is made; a text that cannot be one names no vault. */
class VaultNameTest {

    @Test
    void vaultName_ofLettersDigitsAndHyphens_isKept() {
        assertEquals("v1", VaultName.of("v1").value());
        assertEquals("Backup-Vault-2", VaultName.of("Backup-Vault-2").toString());
        assertEquals(50, VaultName.of("a".repeat(50)).value().length());
    }

    @Test
    void vaultName_thatCouldLeaveItsDirectoryOrBreakAPath_isRefused() {
        for (String text : new String[] {"", "v", "a".repeat(51), "..", "../v1", "v1/items", "v 1", "v_1", "v1\u0000", "v1%2F"}) {
            assertThrows(IllegalArgumentException.class, () -> VaultName.of(text), text);
            assertEquals(Optional.empty(), VaultName.parse(text), text);
        }
        assertThrows(NullPointerException.class, () -> VaultName.of(null));
    }

    @Test
    void requestedVault_whoseNameCannotExist_isAnUnknownVault() {
        StrongroomException refused = assertThrows(StrongroomException.class, () -> VaultName.requested("../etc"));
        assertEquals(ErrorCode.NotFound, refused.code());
        assertEquals("vaults/../etc", refused.target());
        assertEquals(VaultName.of("v1"), VaultName.requested("v1"));
    }
}
