package org.strongroom.security.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.crypto.Rsa;
import org.strongroom.crypto.RsaKeyPair;
import org.strongroom.crypto.SignedTokens;
import org.strongroom.crypto.SignedTokens.RsaPublicKey;
import org.strongroom.platform.Timestamps;
import org.strongroom.security.domain.TokenSigningKey;
import org.strongroom.security.domain.TokenSigningKeyRepository;

/**
 * The keys that sign access tokens. The first token made creates one (RSA 2048) and keeps it in the
 * database, its private key sealed by the platform master key, so that tokens outlive a restart and every
 * server of a cluster checks every other's; each server signs with the key it found first and keeps it open
 * in memory. Public keys, once read, are remembered.
 */
@ApplicationScoped
public class TokenSigningKeys {

    private static final int KEY_SIZE = 2048;

    @Inject
    TokenSigningKeyRepository keys;

    @Inject
    PlatformKey platformKey;

    private final Map<String, RsaPublicKey> publicKeys = new ConcurrentHashMap<>();
    private volatile Signing signing;

    /** The key that signs, opened. */
    record Signing(String keyId, KeyMaterial privateKeyPkcs8) {
    }

    /**
     * Signs {@code claims} with this server's signing key; in a transaction of its own, so that a key made
     * for it is stored before any token it signed leaves.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String sign(Map<String, Object> claims) {
        Signing key = signing();
        return SignedTokens.sign(key.privateKeyPkcs8(), key.keyId(), claims);
    }

    /** The public key with id {@code keyId}, if there is one. */
    @Transactional
    public Optional<RsaPublicKey> publicKey(String keyId) {
        RsaPublicKey known = publicKeys.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RsaPublicKey> stored = keys.find(keyId).map(TokenSigningKey::publicKey);
        stored.ifPresent(key -> publicKeys.put(keyId, key));
        return stored;
    }

    /** The public keys as a JWK Set's {@code keys}, newest first. */
    @Transactional
    public List<Map<String, Object>> jwks() {
        return keys.all().stream().map(key -> SignedTokens.jwk(key.publicKey(), key.keyId())).toList();
    }

    private Signing signing() {
        Signing current = signing;
        if (current == null) {
            synchronized (this) {
                current = signing;
                if (current == null) {
                    current = openOrCreate();
                    signing = current;
                }
            }
        }
        return current;
    }

    private Signing openOrCreate() {
        List<TokenSigningKey> stored = keys.all();
        if (!stored.isEmpty()) {
            TokenSigningKey newest = stored.get(0);
            return new Signing(newest.keyId(), platformKey.open(newest.sealedPrivateKey(), TokenSigningKey.sealingContext(newest.keyId())));
        }
        String keyId = UUID.randomUUID().toString();
        try (RsaKeyPair pair = Rsa.generate(KEY_SIZE)) {
            byte[] sealed = platformKey.seal(pair.privateKeyPkcs8().bytes(), TokenSigningKey.sealingContext(keyId));
            keys.add(new TokenSigningKey(keyId, pair.modulus(), pair.publicExponent(), sealed, Timestamps.now()));
            return new Signing(keyId, KeyMaterial.copyOf(pair.privateKeyPkcs8().bytes()));
        }
    }
}
