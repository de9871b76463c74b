package org.strongroom.vault.domain;

/** A second encryption layer under the platform key, chosen once, when customer-managed keys are first configured. */
public enum InfrastructureEncryption {
    Enabled, Disabled
}
