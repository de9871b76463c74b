package org.strongroom.vault.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A key assignment that a job is carrying out: at most one per vault at a time. */
@Embeddable
public class KeyUpdateRequest {

    @Column(name = "pending_job_id")
    private UUID jobId;

    @Column(name = "pending_key_uri", length = 400)
    private String keyUri;

    @Column(name = "pending_key_vault_subscription_id", length = 64)
    private String keyVaultSubscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_infrastructure_encryption", length = 16)
    private InfrastructureEncryption infrastructureEncryption;

    protected KeyUpdateRequest() {
        // for JPA
    }

    KeyUpdateRequest(UUID jobId, String keyUri, String keyVaultSubscriptionId, InfrastructureEncryption infrastructureEncryption) {
        this.jobId = jobId;
        this.keyUri = keyUri;
        this.keyVaultSubscriptionId = keyVaultSubscriptionId;
        this.infrastructureEncryption = infrastructureEncryption;
    }

    public UUID jobId() {
        return jobId;
    }

    public String keyUri() {
        return keyUri;
    }

    public String keyVaultSubscriptionId() {
        return keyVaultSubscriptionId;
    }

    /** {@code null} when the request did not say. */
    public InfrastructureEncryption infrastructureEncryption() {
        return infrastructureEncryption;
    }
}
