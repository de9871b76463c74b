package org.strongroom.keymanager.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 6 for remote keys: soft delete and purge protection as Azure's recovery levels say them. */
class RecoveryLevelTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "Recoverable, true, true",
            "CustomizedRecoverable, true, true",
            "Recoverable+Purgeable, true, false",
            "CustomizedRecoverable+Purgeable, true, false",
            "Recoverable+ProtectedSubscription, true, true",
            "Purgeable, false, false",
            "none, false, false"})
    void recoveryLevel_tellsSoftDeleteAndPurgeProtection(String level, boolean softDelete, boolean purgeProtection) {
        RecoveryLevel recovery = RecoveryLevel.of(level, 90);
        assertEquals(softDelete, recovery.softDelete(), level);
        assertEquals(purgeProtection, recovery.purgeProtection(), level);
    }
}
