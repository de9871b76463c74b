package org.strongroom.keyvault;

import java.util.List;

/**
 * A key has a new version ready for use: created, imported, rotated, or enabled again. Fired as a CDI
 * event; observe it {@code during = AFTER_SUCCESS} to act once the change is committed — vaults that
 * follow the key rewrap to the new version. {@code versionlessKeyUris} are the key's versionless URI in
 * each form this server answers to (the vault host form and the path form), as a vault may have been
 * assigned either.
 */
public record KeyVersionAvailable(List<String> versionlessKeyUris, String kid, Reason reason) {

    public enum Reason { CREATED, IMPORTED, ROTATED, ENABLED }
}
