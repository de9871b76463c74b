package org.strongroom.keyvault.domain;

/**
 * A key has a version ready for use: created, imported, rotated, or enabled again. Fired as a CDI event
 * after the change commits, so that vaults following the key (versionless key URI) can rewrap to it.
 */
public record KeyVersionAvailable(String keyVault, String keyName, String versionId, Reason reason) {

    public enum Reason { CREATED, IMPORTED, ROTATED, ENABLED }
}
