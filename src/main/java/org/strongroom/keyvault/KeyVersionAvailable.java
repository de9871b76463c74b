package org.strongroom.keyvault;

/**
 * A key has a new version ready for use: created, imported, rotated, or enabled again. Fired as a CDI
 * event; observe it {@code during = AFTER_SUCCESS} to act once the change is committed — vaults that
 * follow {@code versionlessKeyUri} rewrap to the new version.
 */
public record KeyVersionAvailable(String versionlessKeyUri, String kid, Reason reason) {

    public enum Reason { CREATED, IMPORTED, ROTATED, ENABLED }
}
