package org.strongroom.vault.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.keyvault.KeyRequirements;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.KeyVaultClient.BrowsedKeyVault;
import org.strongroom.keyvault.KeyVaultClient.KeyVaultProperties;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.platform.VaultName;
import org.strongroom.vault.domain.Vault;

/**
 * The keys a user may pick for a vault: the key vaults and key versions the signed-in user may list (their
 * access policies decide, no role does), each judged by the same {@link KeyRequirements} the key assignment job
 * applies — so a version shown eligible is one the job accepts, and an ineligible one carries the code the job
 * would fail with. Listing happens as the user; the vault's identity's grants are read, not used.
 */
@ApplicationScoped
public class KeyCandidates {

    @Inject
    VaultService vaults;

    @Inject
    KeyVaultClient keys;

    @Inject
    Settings settings;

    /** Why a key vault or a key version cannot take the vault's key now: the refusal the job would give. */
    public record Refusal(ErrorCode code, String message) {

        static Refusal of(StrongroomException refused) {
            return new Refusal(refused.code(), refused.getMessage());
        }
    }

    /**
     * A key vault: {@code placement} refuses it for the vault whatever the grants (region, soft delete, purge
     * protection); {@code listing} says why its keys are not shown; {@code permissions} is the refusal the
     * missing grants to the vault's identity give (an access policy fixes it), null when granted or when the
     * vault has no identity yet.
     */
    public record KeyVaultCandidate(KeyVaultProperties keyVault, Refusal placement, Refusal listing,
                                    Set<String> identityPermissions, Set<String> missingPermissions,
                                    Refusal permissions, List<KeyCandidate> keys) {
    }

    /** A key, by its versionless URI (the one that follows rotation), with its versions newest first. */
    public record KeyCandidate(String name, String keyUri, List<VersionCandidate> versions) {
    }

    /** A key version, and why it cannot be the vault's key (null: it can). */
    public record VersionCandidate(ResolvedKey version, Refusal refusal) {
    }

    /** The candidates for vault {@code vaultName}, as {@code caller} may list them. */
    public List<KeyVaultCandidate> of(VaultName vaultName, Caller caller) {
        Vault vault = vaults.get(vaultName);
        KeyRequirements requirements = new KeyRequirements(settings.largeRsaKeysAllowed());
        Instant now = Timestamps.now();
        return keys.browse(caller).stream().map(browsed -> judge(vault, browsed, requirements, now)).toList();
    }

    private KeyVaultCandidate judge(Vault vault, BrowsedKeyVault browsed, KeyRequirements requirements, Instant now) {
        KeyVaultProperties keyVault = browsed.properties();
        Refusal placement = refusal(() -> requirements.checkPlacement(keyVault, "vault '" + vault.name() + "'", vault.region()));
        Refusal listing = browsed.listRefusalCode() == null ? null : new Refusal(browsed.listRefusalCode(), browsed.listRefusal());
        Set<String> granted = Set.of();
        Set<String> missing = Set.of();
        Refusal permissions = null;
        if (vault.identityValid() && !browsed.versions().isEmpty()) {
            String principal = vault.identity().principalId();
            Set<String> found = keys.keyPermissions(browsed.versions().get(0).versionlessId(), Caller.identity(principal));
            granted = Set.copyOf(found);
            missing = new LinkedHashSet<>(KeyRequirements.PERMISSIONS);
            missing.removeAll(found);
            if (placement == null) {
                permissions = refusal(() -> requirements.checkKeyVault(keyVault, found, vault.name(), vault.region(), null, principal));
            }
        }
        return new KeyVaultCandidate(keyVault, placement, listing, granted, missing, permissions,
                keysOf(browsed.versions(), requirements, now));
    }

    private static List<KeyCandidate> keysOf(List<ResolvedKey> versions, KeyRequirements requirements, Instant now) {
        Map<String, List<VersionCandidate>> byKey = new LinkedHashMap<>();
        for (ResolvedKey version : versions) {
            byKey.computeIfAbsent(version.versionlessId(), uri -> new ArrayList<>())
                    .add(0, new VersionCandidate(version, refusal(() -> requirements.checkKey(version, now))));
        }
        return byKey.entrySet().stream().map(key -> new KeyCandidate(key.getKey().substring(key.getKey().lastIndexOf('/') + 1),
                key.getKey(), List.copyOf(key.getValue()))).toList();
    }

    private static Refusal refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (StrongroomException refused) {
            return Refusal.of(refused);
        }
    }
}
