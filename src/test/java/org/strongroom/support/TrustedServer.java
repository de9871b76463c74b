package org.strongroom.support;

import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS for clients of the IT server: trusting exactly the certificate it serves, as a client told its fingerprint would. */
public final class TrustedServer {

    private TrustedServer() {
    }

    /** A key store holding {@code certificate} alone, as a trust store. */
    public static KeyStore pinned(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("strongroom", certificate);
        return trusted;
    }

    /** An SSL context that trusts {@code certificate} alone; host names are verified as always. */
    public static SSLContext trusting(X509Certificate certificate) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(pinned(certificate));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
