package org.strongroom.diskencryption.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.StrongroomException;

/**
 * A disk encryption set (DES): the key that seals restored disks (a versioned key URI pins a version, a
 * versionless one takes the newest), the region it serves, and its system-assigned identity, which the
 * key vault must grant {@code get}, {@code wrapKey} and {@code unwrapKey} on that key.
 */
@Entity
@Table(name = "disk_encryption_set")
public class DiskEncryptionSet {

    /** Names as for vaults: 2–50 letters, digits and hyphens. */
    public static final String NAME_PATTERN = "[a-zA-Z0-9-]{2,50}";

    @Id
    @Column(length = 50)
    private String name;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(name = "key_uri", nullable = false, length = 400)
    private String keyUri;

    @Column(name = "principal_id", nullable = false, length = 36)
    private String principalId;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected DiskEncryptionSet() {
        // for JPA
    }

    public DiskEncryptionSet(String name, String region, String keyUri, String tenantId, Instant now) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw StrongroomException.badRequest("A disk encryption set name has 2 to 50 letters, digits or hyphens", "name");
        }
        this.name = name;
        this.region = Objects.requireNonNull(region);
        this.keyUri = Objects.requireNonNull(keyUri);
        this.principalId = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.created = now;
        this.updated = now;
    }

    /** A new key for the set (its region is fixed once created). */
    public void changeKey(String region, String keyUri, Instant now) {
        if (!this.region.equalsIgnoreCase(region)) {
            throw StrongroomException.conflict("Disk encryption set '" + name + "' is in region '" + this.region
                    + "'; its region cannot change", "region");
        }
        this.keyUri = keyUri;
        this.updated = now;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public String keyUri() {
        return keyUri;
    }

    public String principalId() {
        return principalId;
    }

    public String tenantId() {
        return tenantId;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }
}
