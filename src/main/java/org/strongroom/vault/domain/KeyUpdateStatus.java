package org.strongroom.vault.domain;

/** The outcome of the vault's latest key assignment (SPEC 12). */
public enum KeyUpdateStatus {
    NotStarted, InProgress, Succeeded, Failed
}
