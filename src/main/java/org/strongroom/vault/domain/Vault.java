package org.strongroom.vault.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.StrongroomException;

/**
 * A Recovery Services vault. Its region is fixed at creation; its resource group and subscription
 * change only by a move ({@code POST /api/vaults/{vault}/move}), never by a plain update.
 */
@Entity
@Table(name = "vault")
public class Vault {

    /** Vault names: 2 to 50 letters, digits or hyphens. */
    public static final String NAME_PATTERN = "[a-zA-Z0-9-]{2,50}";

    @Id
    @Column(length = 50)
    private String name;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(name = "subscription_id", nullable = false, length = 64)
    private String subscriptionId;

    @Column(name = "resource_group", nullable = false, length = 90)
    private String resourceGroup;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected Vault() {
        // for JPA
    }

    public Vault(String name, String region, String subscriptionId, String resourceGroup, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.region = Objects.requireNonNull(region);
        this.subscriptionId = Objects.requireNonNull(subscriptionId);
        this.resourceGroup = Objects.requireNonNull(resourceGroup);
        this.created = now;
        this.updated = now;
    }

    /**
     * Applies a {@code PUT} to an existing vault. The same values are accepted (PUT is idempotent); a
     * different region is refused (a vault cannot change region), as is a different resource group or
     * subscription (that is a move).
     */
    public void update(String region, String subscriptionId, String resourceGroup, Instant now) {
        if (!this.region.equals(region)) {
            throw StrongroomException.conflict("Vault '" + name + "' is in region '" + this.region
                    + "'; a vault cannot change region", "region");
        }
        if (!this.subscriptionId.equals(subscriptionId) || !this.resourceGroup.equals(resourceGroup)) {
            String field = this.subscriptionId.equals(subscriptionId) ? "resourceGroup" : "subscriptionId";
            throw StrongroomException.conflict("Vault '" + name + "' is in subscription '" + this.subscriptionId
                    + "', resource group '" + this.resourceGroup + "'; use POST /api/vaults/" + name
                    + "/move to move it", field);
        }
        this.updated = now;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
