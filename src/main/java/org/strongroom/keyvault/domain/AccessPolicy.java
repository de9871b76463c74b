package org.strongroom.keyvault.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What one principal (a managed identity's principal id, or a user name) may do with a key vault's keys. */
@Embeddable
public class AccessPolicy {

    @Column(name = "principal_id", nullable = false, length = 64)
    private String principalId;

    /** Comma-separated wire names, e.g. {@code get,list,wrapKey,unwrapKey}. */
    @Column(name = "key_permissions", nullable = false, length = 400)
    private String keyPermissions;

    protected AccessPolicy() {
        // for JPA
    }

    AccessPolicy(String principalId, Set<KeyPermission> permissions) {
        this.principalId = principalId;
        this.keyPermissions = permissions.stream().map(KeyPermission::wireName).sorted().collect(Collectors.joining(","));
    }

    public String principalId() {
        return principalId;
    }

    public Set<KeyPermission> permissions() {
        Set<KeyPermission> set = EnumSet.noneOf(KeyPermission.class);
        if (!keyPermissions.isEmpty()) {
            Arrays.stream(keyPermissions.split(",")).map(KeyPermission::of).forEach(set::add);
        }
        return set;
    }
}
