package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Settings read from the environment: restore roots, the timers switch. */
class SettingsTest {

    @Test
    void defaultRestoreRoot_isStrongroomsOwnDirectoryBesideTheServer_neverTheRoot() {
        assertEquals(Path.of("/opt/jboss/strongroom-restores"), Settings.defaultRestoreRoot(Path.of("/opt/jboss/wildfly")));
        assertEquals(Path.of("/strongroom-restores"), Settings.defaultRestoreRoot(Path.of("/")));
    }

    @Test
    void timers_areOnOffOrKeyPollingAlone_andAnythingElseStopsTheStart() {
        assertEquals(Set.of("*"), Settings.timers("on"));
        assertEquals(Set.of("*"), Settings.timers(" ON "));
        assertEquals(Set.of(), Settings.timers("off"));
        assertEquals(Set.of(Settings.KEY_POLLING_TIMER), Settings.timers("key-polling"));
        assertThrows(IllegalStateException.class, () -> Settings.timers("false"));
    }
}
