package org.strongroom.keyvault.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The encoding of a key backup: every version comes back as it went in; anything else is refused. */
class KeyBackupTest {

    private static KeyBackup backup() {
        return new KeyBackup("backup-kek", List.of(
                new KeyBackup.Version("0123456789abcdef0123456789abcdef", BigInteger.valueOf(3233), BigInteger.valueOf(65537),
                        new byte[] {1, 2, 3}, new LinkedHashSet<>(List.of("wrapKey", "unwrapKey")), true, null,
                        Instant.parse("2027-01-01T00:00:00Z"), Map.of("team", "ops")),
                new KeyBackup.Version("fedcba9876543210fedcba9876543210", BigInteger.valueOf(3127), BigInteger.valueOf(65537),
                        new byte[] {4, 5}, new LinkedHashSet<>(), false, Instant.parse("2026-01-01T00:00:00Z"), null, Map.of())));
    }

    @Test
    void encodedBackup_decodesToTheSameKeyAndVersions() {
        KeyBackup decoded = KeyBackup.decode(backup().encode());
        assertEquals("backup-kek", decoded.name());
        assertEquals(2, decoded.versions().size());
        KeyBackup.Version first = decoded.versions().get(0);
        KeyBackup.Version original = backup().versions().get(0);
        assertEquals(original.versionId(), first.versionId());
        assertEquals(original.modulus(), first.modulus());
        assertArrayEquals(original.privateKeyPkcs8(), first.privateKeyPkcs8());
        assertEquals(original.keyOps(), first.keyOps());
        assertEquals(original.attributes(), first.attributes());
        assertEquals(backup().versions().get(1).attributes(), decoded.versions().get(1).attributes());
    }

    @Test
    void truncatedOrForeignOrTrailingBytes_areRefused() {
        byte[] encoded = backup().encode();
        assertThrows(IllegalArgumentException.class, () -> KeyBackup.decode(Arrays.copyOf(encoded, encoded.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> KeyBackup.decode(Arrays.copyOf(encoded, encoded.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> KeyBackup.decode("not a backup".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> KeyBackup.decode(new byte[0]));
    }

    @Test
    void wipe_zeroesThePrivateKeys() {
        KeyBackup backup = backup();
        backup.wipe();
        assertTrue(backup.versions().stream().allMatch(v -> Arrays.equals(v.privateKeyPkcs8(), new byte[v.privateKeyPkcs8().length])));
    }
}
