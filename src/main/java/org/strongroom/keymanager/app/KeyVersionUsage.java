package org.strongroom.keymanager.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.keyvault.KeyVaultClient.KeyVersionState;
import org.strongroom.keyvault.KeyVersionUsers;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * After rotations: which versions of a key no vault needs any more, and so may be disabled — the key
 * manager keeps them, a vault that needed one again would be told at once ({@code UserErrorKeyDisabled}).
 * Any key manager; the versions are listed as the caller, who needs {@code list} on the key.
 */
@ApplicationScoped
public class KeyVersionUsage {

    @Inject
    KeyVaultClient keyVault;

    @Inject
    Instance<KeyVersionUsers> users;

    /** One version: whether it is the key's newest, and what has it in force. */
    public record Version(String kid, boolean enabled, Instant created, boolean newest, List<String> neededBy) {

        /** Enabled, not the newest (which followers of the key use next), and in force nowhere. */
        public boolean notNeeded() {
            return enabled && !newest && neededBy.isEmpty();
        }
    }

    /** The versions of the key {@code keyUri} names, newest first. */
    public List<Version> versions(Caller caller, String keyUri) {
        if (keyUri == null || keyUri.isBlank()) {
            throw StrongroomException.badRequest("keyUri is required: the key's URI, e.g. https://kv1.vault.example.com/keys/k", "keyUri");
        }
        keyVault.requireKnownKeyUri(keyUri);
        List<KeyVersionState> versions;
        try {
            versions = keyVault.versions(keyUri, caller);
        } catch (StrongroomException e) {
            throw e.code() == ErrorCode.NotFound ? new StrongroomException(ErrorCode.UserErrorKeyNotFound, e.getMessage(), "keyUri") : e;
        }
        if (versions.isEmpty()) {
            return List.of();
        }
        String versionless = KeyVaultClient.versionlessOf(versions.get(0).kid());
        Map<String, List<String>> inForce = new HashMap<>();
        users.forEach(user -> user.versionsInForce(versionless).forEach((kid, holders) ->
                inForce.computeIfAbsent(kid.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(holders)));
        // The newest as the key manager resolves the versionless key: creation times tie within a second.
        String newest = keyVault.resolve(versionless, caller).kid();
        return versions.stream()
                .sorted(Comparator.comparing((KeyVersionState v) -> !v.kid().equalsIgnoreCase(newest))
                        .thenComparing(KeyVersionState::created, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).reversed()))
                .map(v -> new Version(v.kid(), v.enabled(), v.created(), v.kid().equalsIgnoreCase(newest),
                        List.copyOf(inForce.getOrDefault(v.kid().toLowerCase(Locale.ROOT), List.of()))))
                .toList();
    }
}
