package org.strongroom.keymanager.infra;

import java.util.List;
import java.util.function.Supplier;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.Pkcs11Token;
import org.strongroom.crypto.Pkcs11Token.TokenKey;
import org.strongroom.keymanager.app.RemoteKeyManager;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.Pkcs11Uri;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Keys on a PKCS#11 token ({@link Pkcs11Token}): a key is its label ({@code object}); it has one version,
 * named by its certificate's fingerprint, and is valid as long as its certificate. The token has no soft
 * delete of its own: its recovery level is what the registration states. A key whose private value could
 * leave the token (not sensitive, or extractable) is refused as the wrong kind of key.
 */
final class Pkcs11KeyManager implements RemoteKeyManager {

    private final KeyManager registration;
    private final Pkcs11Token token;

    Pkcs11KeyManager(KeyManager registration, Pkcs11Token token) {
        this.registration = registration;
        this.token = token;
    }

    @Override
    public RemoteKey get(KeyRef key) {
        TokenKey found = find(key);
        String uri = new Pkcs11Uri(registration.pkcs11().orElseThrow().token(), key.name()).uri();
        if (found.extractable()) {
            throw new StrongroomException(ErrorCode.UserErrorUnsupportedKeyType, "Key " + uri + " can leave its token (it is "
                    + "not sensitive, or extractable): an HSM key must stay on it", "keyUri");
        }
        ResolvedKey resolved = new ResolvedKey(uri, uri, found.fingerprint(), "RSA-HSM", found.bits(), true, found.notBefore(),
                found.notAfter());
        KeyManager.Pkcs11 stated = registration.pkcs11().orElseThrow();
        String level = Boolean.TRUE.equals(stated.softDeleteEnabled())
                ? Boolean.TRUE.equals(stated.purgeProtectionEnabled()) ? "Recoverable" : "Recoverable+Purgeable" : "Purgeable";
        return new RemoteKey(resolved, level, null);
    }

    @Override
    public List<RemoteKeyVersion> versions(KeyRef key) {
        TokenKey found = find(key);
        return List.of(new RemoteKeyVersion(found.fingerprint(), true, found.notBefore(), found.notAfter(), found.notBefore()));
    }

    @Override
    public byte[] wrap(KeyRef version, byte[] secret) {
        return onToken(() -> token.wrap(find(version), secret));
    }

    @Override
    public KeyMaterial unwrap(KeyRef version, byte[] wrapped) {
        return onToken(() -> {
            try {
                return token.unwrap(find(version), wrapped);
            } catch (IntegrityException e) {
                throw StrongroomException.badRequest("The value does not unwrap with key '" + version.name() + "' on token '"
                        + registration.pkcs11().orElseThrow().token() + "'", "keyUri");
            }
        });
    }

    private TokenKey find(KeyRef key) {
        return onToken(() -> token.key(key.name()).orElseThrow(() -> StrongroomException.notFound("Token '"
                + registration.pkcs11().orElseThrow().token() + "' holds no RSA key labelled '" + key.name()
                + "' (with its certificate)", "keyUri")));
    }

    /** The token's failures — a module or token gone, a session lost — as a key manager that cannot be reached. */
    private <T> T onToken(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            throw new StrongroomException(ErrorCode.UserErrorKeyVaultUnreachable, "Token '" + registration.pkcs11().orElseThrow().token()
                    + "' (" + registration.pkcs11().orElseThrow().modulePath() + ") did not answer: " + e.getMessage(), "keyUri", e);
        }
    }
}
