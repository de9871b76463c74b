package org.strongroom.vault.domain;

/** A vault's managed identity type (API.md): none, or one the system assigns. */
public enum IdentityType {
    None, SystemAssigned
}
