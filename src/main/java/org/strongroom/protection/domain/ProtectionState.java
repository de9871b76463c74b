package org.strongroom.protection.domain;

/** Where an item stands: registered and waiting for its first backup, protected, or in trouble. */
public enum ProtectionState {
    IRPending, Protected, ProtectionError, ProtectionStopped
}
