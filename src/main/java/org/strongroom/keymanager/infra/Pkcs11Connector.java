package org.strongroom.keymanager.infra;

import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.crypto.Pkcs11Token;
import org.strongroom.keymanager.app.RemoteKeyManager;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Opens PKCS#11 tokens: the registration's module and slot, logged in with its PIN. A PIN the token refuses
 * is a credential to correct ({@code Forbidden}); note that PKCS#11 keeps one login per token and process, so
 * while this server holds a session on the token a changed PIN is first tried at its next start.
 */
@ApplicationScoped
public class Pkcs11Connector implements RemoteKeyManager.Connector {

    @Override
    public boolean connects(KeyManager.Kind kind) {
        return kind == KeyManager.Kind.Pkcs11;
    }

    @Override
    public RemoteKeyManager connect(KeyManager registration, char[] pin) {
        KeyManager.Pkcs11 token = registration.pkcs11().orElseThrow();
        try {
            return new Pkcs11KeyManager(registration, Pkcs11Token.open("strongroom-" + registration.name(), token.modulePath(),
                    token.slotListIndex(), pin));
        } catch (Pkcs11Token.LoginRefusedException e) {
            throw new StrongroomException(ErrorCode.Forbidden, "Token '" + token.token() + "' refused the registration's PIN", "keyUri", e);
        } catch (IllegalStateException e) {
            throw new StrongroomException(ErrorCode.UserErrorKeyVaultUnreachable, "Token '" + token.token() + "' cannot be opened: "
                    + e.getMessage(), "keyUri", e);
        }
    }
}
