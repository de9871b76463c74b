package org.strongroom.vault.domain;

import java.util.List;

import org.strongroom.platform.VaultName;

/**
 * What a vault still holds that keeps it from being deleted, told by the component that keeps it (the
 * protected items and their recovery points): the vault component knows no item.
 */
public interface VaultContents {

    /** What {@code vault} holds, each in words (e.g. {@code "item files1 (3 recovery points)"}); empty when nothing. */
    List<String> heldIn(VaultName vault);
}
