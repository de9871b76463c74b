package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Which host names a server certificate names, as TLS clients check them. */
class ServerCertificatesTest {

    private static X509Certificate certificate(String cn, String... dnsNames) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + cn);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), subject, pair.getPublic());
        if (dnsNames.length > 0) {
            GeneralName[] names = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    @Test
    void wildcardCommonName_namesEveryHostOneLabelBelow_only() throws Exception {
        X509Certificate wildcard = certificate("*.vault.strongroom.test");
        assertTrue(ServerCertificates.names(wildcard, "kv1.vault.strongroom.test"));
        assertTrue(ServerCertificates.names(wildcard, "LOGIN.vault.strongroom.test"));
        assertFalse(ServerCertificates.names(wildcard, "vault.strongroom.test"));
        assertFalse(ServerCertificates.names(wildcard, "a.kv1.vault.strongroom.test"));
        assertFalse(ServerCertificates.names(wildcard, "localhost"));
    }

    @Test
    void subjectAlternativeNames_takePrecedenceOverTheCommonName() throws Exception {
        X509Certificate operators = certificate("strongroom-operator", "localhost", "*.vault.example.com");
        assertTrue(ServerCertificates.names(operators, "localhost"));
        assertTrue(ServerCertificates.names(operators, "kv1.vault.example.com"));
        assertFalse(ServerCertificates.names(operators, "strongroom-operator"));
    }
}
