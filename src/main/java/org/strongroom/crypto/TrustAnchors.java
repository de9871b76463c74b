package org.strongroom.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts given certificates alone (PEM): a private CA, or a server's own self-signed certificate,
 * for a remote service whose certificate the JVM's trust store does not know. Host names are verified as always.
 */
public final class TrustAnchors {

    private TrustAnchors() {
    }

    /**
     * The certificates in {@code pem} (one or more {@code -----BEGIN CERTIFICATE-----} blocks).
     *
     * @throws IllegalArgumentException if it holds none, or one that does not parse
     */
    public static List<Certificate> parse(String pem) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in it");
            }
            return new ArrayList<>(certificates);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not PEM certificates (-----BEGIN CERTIFICATE----- ...): " + e.getMessage(), e);
        }
    }

    /** An SSL context that trusts the certificates in {@code pem} and nothing else. */
    public static SSLContext trusting(String pem) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int n = 0;
            for (Certificate certificate : parse(pem)) {
                anchors.setCertificateEntry("anchor-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("TLS with the given certificates could not be set up", e);
        }
    }
}
