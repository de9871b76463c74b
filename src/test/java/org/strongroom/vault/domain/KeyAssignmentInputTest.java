package org.strongroom.vault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.strongroom.support.Refusals;

/** The input of a key assignment, the same for REST and JMS: each field checked once, refusals naming it. */
class KeyAssignmentInputTest {

    private static final String KEY = "https://kv1.vault.strongroom.local/keys/backup-kek";

    @Test
    void wellFormedInput_isTaken() {
        KeyAssignmentInput input = KeyAssignmentInput.of(KEY, "sub-keys", "Enabled");
        assertEquals(new KeyAssignmentInput(KEY, "sub-keys", InfrastructureEncryption.Enabled), input);
        assertNull(KeyAssignmentInput.of("http://127.0.0.1:8080/api/keyvaults/kv/keys/k", "s", null).infrastructureEncryption());
        assertEquals(400, KeyAssignmentInput.of("https://h/" + "k".repeat(390), "s", " ").keyUri().length());
    }

    @Test
    void keyUri_mustBeAnAbsoluteHttpUriOfAtMost400Characters() {
        for (String bad : new String[] {null, " ", "not a uri", "/keys/k", "ftp://h/keys/k", "https:///keys/k",
                "https://h/" + "k".repeat(391)}) {
            Refusals.assertBadRequest("keyUri", () -> KeyAssignmentInput.of(bad, "sub-keys", null));
        }
    }

    @Test
    void subscription_isRequired_lettersDigitsAndHyphens() {
        for (String bad : new String[] {null, "", "sub keys", "sub/keys", "s".repeat(65)}) {
            Refusals.assertBadRequest("keyVaultSubscriptionId", () -> KeyAssignmentInput.of(KEY, bad, null));
        }
        assertEquals("s".repeat(64), KeyAssignmentInput.of(KEY, "s".repeat(64), null).keyVaultSubscriptionId());
    }

    @Test
    void infrastructureEncryption_isEnabledOrDisabled() {
        Refusals.assertBadRequest("infrastructureEncryption", () -> KeyAssignmentInput.of(KEY, "sub-keys", "enabled"));
        assertEquals(InfrastructureEncryption.Disabled, KeyAssignmentInput.of(KEY, "sub-keys", "Disabled").infrastructureEncryption());
    }

    @Test
    void rotation_keepsTheSubscriptionAndLayerInForce() {
        assertEquals(new KeyAssignmentInput(KEY, null, null), KeyAssignmentInput.rotationTo(KEY));
    }
}
