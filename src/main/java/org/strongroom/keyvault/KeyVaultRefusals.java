package org.strongroom.keyvault;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Turns what the key vault answered a managed identity (a vault's, a disk encryption set's) into the
 * refusals the seed names (SPEC 5, 8, 9): the key vault speaks of keys, its users of their key assignment.
 */
final class KeyVaultRefusals {

    private KeyVaultRefusals() {
    }

    static StrongroomException translate(StrongroomException answer, String keyUri) {
        ErrorCode code = switch (answer.code()) {
            case NotFound -> ErrorCode.UserErrorKeyNotFound;
            case Forbidden -> ErrorCode.UserErrorKeyVaultPermissionsNotConfigured;
            case KeyDisabled -> ErrorCode.UserErrorKeyDisabled;
            case KeyExpired -> ErrorCode.UserErrorKeyExpired;
            case KeyNotYetValid -> ErrorCode.UserErrorKeyNotYetValid;
            case BadRequest -> ErrorCode.DataIntegrityError;
            default -> answer.code();
        };
        if (code == answer.code()) {
            return answer;
        }
        return new StrongroomException(code, answer.getMessage() + " (key " + keyUri + ")", "keyUri", answer);
    }
}
