package org.strongroom.keyvault;

import java.util.List;
import java.util.Map;

/**
 * What holds a key's versions in force, so that after rotations the versions nobody needs any more can be
 * told (and disabled, as Vault Transit's {@code min_decryption_version} retires old ones). Components that
 * put keys in force provide it as a CDI bean: vaults (the version that wraps each vault's data key).
 */
public interface KeyVersionUsers {

    /** For the key {@code versionlessKeyUri}: each versioned kid in force, with the resources that need it (e.g. {@code vaults/v1}). */
    Map<String, List<String>> versionsInForce(String versionlessKeyUri);
}
