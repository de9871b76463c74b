package org.strongroom.protection.domain;

/**
 * Where an item stands: registered and waiting for its first backup, protected, in trouble, stopped (its
 * points retained), or soft-deleted (its points kept, undeletable, until purged).
 */
public enum ProtectionState {
    IRPending, Protected, ProtectionError, ProtectionStopped, SoftDeleted
}
