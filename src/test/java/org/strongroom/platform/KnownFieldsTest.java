package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Unknown JSON fields are refused naming the field and what was probably meant. */
class KnownFieldsTest {

    private static final KnownFields RESTORE = KnownFields.of(List.of("target", "paths", "overwrite", "diskEncryptionSetId"));
    private static final KnownFields VAULT = KnownFields.of(List.of("region", "subscriptionId", "resourceGroup"));

    @Test
    void unknownField_isRefused_namingItAndTheFieldItMostLikelyMeant() {
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> RESTORE.require("", "targetPath", "the request body"));
        assertEquals(ErrorCode.BadRequest, refused.code());
        assertEquals("targetPath", refused.target());
        assertTrue(refused.getMessage().startsWith("Unknown field 'targetPath' in the request body; did you mean 'target'?"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Known fields: diskEncryptionSetId, overwrite, paths, target"),
                refused.getMessage());
    }

    @Test
    void knownField_passes() {
        RESTORE.require("", "overwrite", "the request body");
    }

    @Test
    void likelyMeant_findsSynonymsCaseSlipsContainedNamesAndTypos() {
        assertEquals(Optional.of("region"), VAULT.likelyMeant("location"), "Azure's word for a region");
        assertEquals(Optional.of("subscriptionId"), VAULT.likelyMeant("subscriptionID"));
        assertEquals(Optional.of("target"), RESTORE.likelyMeant("targetPath"));
        assertEquals(Optional.of("overwrite"), RESTORE.likelyMeant("ovewrite"));
        assertEquals(Optional.of("resourceGroup"), VAULT.likelyMeant("resourceGruop"));
        assertEquals(Optional.empty(), VAULT.likelyMeant("colour"), "no guess when nothing is close");
    }

    @Test
    void nestedField_isNamedWithItsPath() {
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> KnownFields.of(List.of("path", "originalLocation")).require("target.", "pth", "the request body"));
        assertEquals("target.pth", refused.target());
        assertTrue(refused.getMessage().contains("did you mean 'target.path'? Known fields of 'target': originalLocation, path"),
                refused.getMessage());
    }
}
