package org.strongroom.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a resource lives, as the activity log records it and refusals name it in {@code target}: the
 * REST path below {@code /api}, e.g. {@code vaults/v1/items/files1/recoveryPoints/{id}}. Made by the
 * factories here only, so that every component spells the same resource the same way.
 */
public record ResourcePath(String path) {

    public ResourcePath {
        Objects.requireNonNull(path);
    }

    public static ResourcePath vault(VaultName vault) {
        return new ResourcePath("vaults/" + vault);
    }

    public static ResourcePath item(ItemRef item) {
        return vault(item.vault()).child("items", item.item());
    }

    public static ResourcePath recoveryPoint(ItemRef item, Object recoveryPoint) {
        return item(item).child("recoveryPoints", String.valueOf(recoveryPoint));
    }

    public static ResourcePath keyVault(String keyVault) {
        return new ResourcePath("keyvaults/" + keyVault);
    }

    public static ResourcePath key(String keyVault, String key) {
        return keyVault(keyVault).child("keys", key);
    }

    public static ResourcePath diskEncryptionSet(String name) {
        return new ResourcePath("diskEncryptionSets/" + name);
    }

    public static ResourcePath servicePrincipals() {
        return new ResourcePath("servicePrincipals");
    }

    public static ResourcePath servicePrincipal(String appId) {
        return servicePrincipals().child(appId);
    }

    public static ResourcePath keyManager(String name) {
        return new ResourcePath("keyManagers/" + name);
    }

    public static ResourcePath resourceGuard(String name) {
        return new ResourcePath("resourceGuards/" + name);
    }

    /** A resource below this one, e.g. {@code vault(v).child("encryption")}. */
    public ResourcePath child(String... segments) {
        return new ResourcePath(path + "/" + String.join("/", segments));
    }

    /**
     * The name that follows {@code collection} in this path: {@code vaults/v1/items/files1} has {@code v1}
     * after {@code vaults} and {@code files1} after {@code items}; empty when the path has no such segment.
     */
    public Optional<String> nameAfter(String collection) {
        String[] segments = path.split("/");
        for (int i = 0; i + 1 < segments.length; i += 2) {
            if (segments[i].equals(collection)) {
                return Optional.of(segments[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** The vault this path names ({@code vaults/{vault}/…}); for a job's subject, which its component made so. */
    public VaultName vaultName() {
        return VaultName.of(nameAfter("vaults").orElseThrow(() -> new IllegalStateException(path + " names no vault")));
    }

    /** The protected item this path names ({@code vaults/{vault}/items/{item}/…}). */
    public ItemRef itemRef() {
        return ItemRef.of(vaultName(), nameAfter("items").orElseThrow(() -> new IllegalStateException(path + " names no item")));
    }

    @Override
    public String toString() {
        return path;
    }
}
