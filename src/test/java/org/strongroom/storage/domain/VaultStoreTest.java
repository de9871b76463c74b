package org.strongroom.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strongroom.platform.StrongroomException;
import org.strongroom.storage.domain.VaultStore.Type;

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
    void checkAzureBlob_refusesABadField_withItsTarget(String endpoint, String account, String container, String target) {
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> VaultStore.check(Type.AzureBlob, endpoint, null, account, container, KEY));
        assertEquals(target, refused.target());
    }

    @Test
    void checkAzureBlob_refusesAMissingKey_andTakesGoodSettings() {
        assertEquals("storage.accountKey", assertThrows(StrongroomException.class,
                () -> VaultStore.check(Type.AzureBlob, "https://acct.blob.core.windows.net", null, "acct", "backups", " ")).target());
        VaultStore.check(Type.AzureBlob, "https://acct.blob.core.windows.net", null, "acct", "strongroom-backups", KEY);
        VaultStore.check(Type.AzureBlob, "http://127.0.0.1:10000/devstoreaccount1", null, "devstoreaccount1", "backups-1", KEY);
    }

    @ParameterizedTest
    @CsvSource({
            "s3.amazonaws.com, eu-west-1, AKIA1, backups, storage.endpoint",
            "https://s3.amazonaws.com, EU West, AKIA1, backups, storage.region",
            "https://s3.amazonaws.com, eu-west-1, AKIA 1, backups, storage.accessKeyId",
            "https://s3.amazonaws.com, eu-west-1, AKIA1, Backups, storage.bucket",
            "https://s3.amazonaws.com, eu-west-1, AKIA1, my..backups, storage.bucket",
            "https://s3.amazonaws.com, eu-west-1, AKIA1, -backups, storage.bucket"})
    void checkS3_refusesABadField_withItsTarget(String endpoint, String region, String accessKeyId, String bucket, String target) {
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> VaultStore.check(Type.S3, endpoint, region, accessKeyId, bucket, KEY));
        assertEquals(target, refused.target());
    }

    @Test
    void checkS3_refusesAMissingSecret_andTakesGoodSettings() {
        assertEquals("storage.secretAccessKey", assertThrows(StrongroomException.class,
                () -> VaultStore.check(Type.S3, "https://s3.eu-west-1.amazonaws.com", "eu-west-1", "AKIA1", "backups", "")).target());
        VaultStore.check(Type.S3, "https://s3.eu-west-1.amazonaws.com", "eu-west-1", "AKIAIOSFODNN7EXAMPLE", "strongroom.backups", KEY);
        VaultStore.check(Type.S3, "http://127.0.0.1:9000", VaultStore.DEFAULT_S3_REGION, "minioadmin", "backups-1", KEY);
    }
}
