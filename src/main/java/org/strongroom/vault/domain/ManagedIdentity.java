package org.strongroom.vault.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A vault's managed identity: a principal id the key vault grants permissions to, in a tenant. It is
 * valid only while its tenant is the vault's: a move to another tenant invalidates it (SPEC 18).
 */
@Embeddable
public class ManagedIdentity {

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_type", nullable = false, length = 16)
    private IdentityType type = IdentityType.None;

    @Column(name = "identity_principal_id", length = 36)
    private String principalId;

    @Column(name = "identity_tenant_id", length = 64)
    private String tenantId;

    protected ManagedIdentity() {
        // for JPA
    }

    static ManagedIdentity none() {
        return new ManagedIdentity();
    }

    static ManagedIdentity systemAssigned(String principalId, String tenantId) {
        ManagedIdentity identity = new ManagedIdentity();
        identity.type = IdentityType.SystemAssigned;
        identity.principalId = principalId;
        identity.tenantId = tenantId;
        return identity;
    }

    public IdentityType type() {
        return type;
    }

    public boolean isEnabled() {
        return type == IdentityType.SystemAssigned;
    }

    public String principalId() {
        return principalId;
    }

    public String tenantId() {
        return tenantId;
    }
}
