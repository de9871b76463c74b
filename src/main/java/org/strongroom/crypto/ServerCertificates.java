package org.strongroom.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The certificate a TLS server presents, and its fingerprint as browsers and {@code openssl x509 -fingerprint} show it. */
public final class ServerCertificates {

    private ServerCertificates() {
    }

    /**
     * Shakes hands with {@code host:port} and returns the certificate it presents, trusting it whatever it
     * is: for reading the certificate only (Strongroom asks its own listener), never for sending data.
     */
    public static X509Certificate presentedBy(String host, int port, int timeoutMillis) throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new ReadOnly()}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                return (X509Certificate) chain[0];
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the DER encoding, upper-case hex pairs separated by colons. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /**
     * Whether {@code certificate} names {@code host} as TLS clients check it (RFC 6125): by its DNS subject
     * alternative names, or by its common name when it has none; a {@code *} stands for one whole left-most label.
     */
    public static boolean names(X509Certificate certificate, String host) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.stream().filter(name -> Integer.valueOf(2).equals(name.get(0))).forEach(name -> names.add((String) name.get(1)));
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names.isEmpty()) {
            commonName(certificate).ifPresent(names::add);
        }
        String wanted = host.toLowerCase(Locale.ROOT);
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).anyMatch(name -> name.equals(wanted)
                || name.startsWith("*.") && wanted.indexOf('.') > 0 && wanted.substring(wanted.indexOf('.')).equals(name.substring(1)));
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).map(rdn -> rdn.getValue().toString()).findFirst();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** Accepts any server: the handshake only serves to read the certificate. */
    private static final class ReadOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // read, not trusted: nothing is sent over this connection
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
