package org.strongroom.vault.domain;

/**
 * A vault's immutability: {@code Disabled}; {@code Unlocked} — in force, and may still be disabled;
 * {@code Locked} — in force for good. While in force, no backup data is deleted before its retention ends:
 * retention only grows, an item's data is not deleted, and purges wait for retention.
 */
public enum Immutability {
    Disabled, Unlocked, Locked;

    public boolean inForce() {
        return this != Disabled;
    }
}
