package org.strongroom.platform;

import java.util.Objects;

/**
 * Where a resource lives, as the activity log records it and refusals name it in {@code target}: the
 * REST path below {@code /api}, e.g. {@code vaults/v1/items/files1/recoveryPoints/{id}}. Made by the
 * factories here only, so that every component spells the same resource the same way.
 */
public record ResourcePath(String path) {

    public ResourcePath {
        Objects.requireNonNull(path);
    }

    public static ResourcePath vault(String vault) {
        return new ResourcePath("vaults/" + vault);
    }

    public static ResourcePath item(String vault, String item) {
        return vault(vault).child("items", item);
    }

    public static ResourcePath recoveryPoint(String vault, String item, Object recoveryPoint) {
        return item(vault, item).child("recoveryPoints", String.valueOf(recoveryPoint));
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

    /** A resource below this one, e.g. {@code vault(v).child("encryption")}. */
    public ResourcePath child(String... segments) {
        return new ResourcePath(path + "/" + String.join("/", segments));
    }

    @Override
    public String toString() {
        return path;
    }
}
