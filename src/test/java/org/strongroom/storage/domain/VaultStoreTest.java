package org.strongroom.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strongroom.platform.StrongroomException;

/** The settings of a vault's object store: each bad field refused with its target, before anything is reached. */
class VaultStoreTest {

    private static final String KEY = "a2V5";

    @ParameterizedTest
    @CsvSource({
            "ftp://host/account, account1, backups, storage.endpoint",
            "https://host|x/account, account1, backups, storage.endpoint",
            "https://host/{account}, account1, backups, storage.endpoint",
            "https://host/account, Account_1, backups, storage.accountName",
            "https://host/account, account1, Back--ups, storage.container",
            "https://host/account, account1, ab, storage.container"})
    void check_refusesABadField_withItsTarget(String endpoint, String account, String container, String target) {
        StrongroomException refused = assertThrows(StrongroomException.class, () -> VaultStore.check(endpoint, account, container, KEY));
        assertEquals(target, refused.target());
    }

    @Test
    void check_refusesAMissingKey_andTakesGoodSettings() {
        assertEquals("storage.accountKey", assertThrows(StrongroomException.class,
                () -> VaultStore.check("https://acct.blob.core.windows.net", "acct", "backups", " ")).target());
        VaultStore.check("https://acct.blob.core.windows.net", "acct", "strongroom-backups", KEY);
        VaultStore.check("http://127.0.0.1:10000/devstoreaccount1", "devstoreaccount1", "backups-1", KEY);
    }
}
