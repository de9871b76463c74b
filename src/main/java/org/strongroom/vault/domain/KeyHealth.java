package org.strongroom.vault.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.strongroom.keyvault.KeyRequirements;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.VaultName;

/**
 * The health of a vault's key in force, ahead of failures: what the last probe found that would make the
 * next backup or restore fail — the key disabled, expired or expiring within {@link #EXPIRY_NOTICE}, not
 * yet valid, a permission of the vault's identity gone, the key vault not answering — or nothing.
 */
@Entity
@Table(name = "vault_key_health")
public class KeyHealth {

    /** How long before a key expires the probe warns. */
    public static final Duration EXPIRY_NOTICE = Duration.ofDays(30);

    /** What the probe found. */
    public enum Status { Healthy, Warning }

    private static final int MAX_TEXT = 4000;

    @Id
    @Column(name = "vault_name", length = 50)
    private String vaultName;

    @Column(nullable = false, length = 16)
    private String status;

    /** One warning per line. */
    @Column(nullable = false, length = MAX_TEXT)
    private String warnings;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    protected KeyHealth() {
        // for JPA
    }

    public KeyHealth(VaultName vault, Instant now) {
        this.vaultName = vault.toString();
        this.status = Status.Healthy.name();
        this.warnings = "";
        this.checkedAt = now;
    }

    /**
     * What a key, as the vault's identity reads it, and the permissions its key vault grants that identity
     * say about the next backup: one warning per finding, none when all is well.
     */
    public static List<String> warningsFor(ResolvedKey key, Set<String> granted, Instant now) {
        List<String> found = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>(KeyRequirements.PERMISSIONS);
        missing.removeAll(granted);
        if (!missing.isEmpty()) {
            found.add("The key vault no longer grants the vault's identity the key permissions " + missing
                    + ": backups and restores will fail (UserErrorKeyVaultPermissionsNotConfigured)");
        }
        if (!key.enabled()) {
            found.add("Key " + key.kid() + " is disabled: backups and restores will fail (UserErrorKeyDisabled)");
        }
        if (key.expires() != null && !now.isBefore(key.expires())) {
            found.add("Key " + key.kid() + " expired at " + key.expires() + ": backups and restores will fail (UserErrorKeyExpired)");
        } else if (key.expires() != null && now.plus(EXPIRY_NOTICE).isAfter(key.expires())) {
            found.add("Key " + key.kid() + " expires at " + key.expires() + ", within " + EXPIRY_NOTICE.toDays()
                    + " days: rotate the key, or assign another, before then");
        }
        if (key.notBefore() != null && now.isBefore(key.notBefore())) {
            found.add("Key " + key.kid() + " is not valid before " + key.notBefore() + " (UserErrorKeyNotYetValid)");
        }
        return found;
    }

    /** Records a probe's findings; true when they differ from the last probe's. */
    public boolean record(List<String> found, Instant now) {
        String text = String.join("\n", found);
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        boolean changed = !text.equals(warnings);
        warnings = text;
        status = found.isEmpty() ? Status.Healthy.name() : Status.Warning.name();
        checkedAt = now;
        return changed;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public List<String> warnings() {
        return warnings.isEmpty() ? List.of() : List.of(warnings.split("\n"));
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
