package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Settings read from the environment: restore roots, the timers switch. */
class SettingsTest {

    @Test
    void defaultRestoreRoot_isStrongroomsOwnDirectoryBesideTheServer_neverTheRoot() {
        assertEquals(Path.of("/opt/jboss/strongroom-restores"), Settings.defaultRestoreRoot(Path.of("/opt/jboss/wildfly")));
        assertEquals(Path.of("/strongroom-restores"), Settings.defaultRestoreRoot(Path.of("/")));
    }

    @Test
    void timers_areOnOrOff_andAnythingElseStopsTheStart() {
        org.junit.jupiter.api.Assertions.assertTrue(Settings.timers("on"));
        org.junit.jupiter.api.Assertions.assertTrue(Settings.timers(" ON "));
        org.junit.jupiter.api.Assertions.assertFalse(Settings.timers("off"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Settings.timers("false"));
    }
}
