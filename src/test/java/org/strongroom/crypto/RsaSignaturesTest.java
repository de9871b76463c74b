package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;

import org.junit.jupiter.api.Test;

/** Signatures over digests, as plain JCE makes and checks them over the data: every algorithm, both ways. */
class RsaSignaturesTest {

    private static final byte[] DATA = "the data the caller hashed".getBytes(StandardCharsets.UTF_8);

    private static Signature jce(SignatureAlgorithm algorithm) throws Exception {
        String hash = "SHA-" + algorithm.jwaName().substring(2);
        if (algorithm.jwaName().startsWith("RS")) {
            return Signature.getInstance(hash.replace("-", "") + "withRSA");
        }
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), algorithm.digestLength(), 1));
        return pss;
    }

    private static byte[] digest(SignatureAlgorithm algorithm) throws Exception {
        return MessageDigest.getInstance("SHA-" + algorithm.jwaName().substring(2)).digest(DATA);
    }

    @Test
    void signatureOverTheDigest_verifiesWithPlainJceOverTheData_andTheOtherWayRound() throws Exception {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pair.privateKeyPkcs8().bytes()));
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(pair.modulus(), pair.publicExponent()));
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                byte[] ours = RsaSignatures.sign(pair.privateKeyPkcs8(), algorithm, digest(algorithm));
                Signature check = jce(algorithm);
                check.initVerify(publicKey);
                check.update(DATA);
                assertTrue(check.verify(ours), algorithm + " made here, checked by JCE");

                Signature make = jce(algorithm);
                make.initSign(privateKey);
                make.update(DATA);
                byte[] theirs = make.sign();
                assertTrue(RsaSignatures.verify(pair.modulus(), pair.publicExponent(), algorithm, digest(algorithm), theirs),
                        algorithm + " made by JCE, checked here");
            }
        }
    }

    @Test
    void alteredSignatureOrOtherDigest_doesNotVerify_andADigestOfTheWrongLengthIsRefused() throws Exception {
        try (RsaKeyPair pair = Rsa.generate(2048)) {
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                byte[] digest = digest(algorithm);
                byte[] signature = RsaSignatures.sign(pair.privateKeyPkcs8(), algorithm, digest);
                signature[10] ^= 1;
                assertFalse(RsaSignatures.verify(pair.modulus(), pair.publicExponent(), algorithm, digest, signature), algorithm.jwaName());
                signature[10] ^= 1;
                digest[0] ^= 1;
                assertFalse(RsaSignatures.verify(pair.modulus(), pair.publicExponent(), algorithm, digest, signature), algorithm.jwaName());
                assertThrows(IllegalArgumentException.class,
                        () -> RsaSignatures.sign(pair.privateKeyPkcs8(), algorithm, new byte[algorithm.digestLength() + 1]));
            }
            assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.of("ES256"));
        }
    }
}
