package org.strongroom.keymanager.domain;

/**
 * What a remote key's {@code recoveryLevel} (Azure Key Vault's names) says of its key vault's protection,
 * which the data plane does not tell otherwise (SPEC 6): soft delete when deleted keys are recoverable
 * ({@code Recoverable...}, {@code CustomizedRecoverable...}); purge protection when they are recoverable and
 * cannot be purged (no {@code +Purgeable}); {@code Purgeable} alone, or no level, neither.
 */
public record RecoveryLevel(String level, Integer recoverableDays) {

    public static RecoveryLevel of(String level, Integer recoverableDays) {
        return new RecoveryLevel(level == null ? "" : level, recoverableDays);
    }

    public boolean softDelete() {
        return level.contains("Recoverable");
    }

    public boolean purgeProtection() {
        return softDelete() && !level.contains("Purgeable");
    }

    @Override
    public String toString() {
        return "'" + level + "'" + (recoverableDays == null ? "" : " (" + recoverableDays + " days)");
    }
}
