package org.strongroom.vault.domain;

/** Who manages the key that protects a vault's data key (SPEC 3: a vault starts {@code PlatformManaged}). */
public enum EncryptionAtRestType {
    PlatformManaged, CustomerManaged
}
