package org.strongroom.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.strongroom.crypto.ServerCertificates;

/**
 * Makes the HTTPS listener ready and says which certificate it serves. WildFly's Elytron generates the
 * self-signed certificate (when the operator gave none) on first use, into a directory that must exist:
 * so at start this creates the keystore's directory owner-only, shakes hands with the listener once, keeps
 * the generated keystore file owner-only (an operator's keystore and its directory are left as they are,
 * unless Strongroom created the directory), and logs the certificate's subject, expiry and SHA-256 fingerprint —
 * what a client checks the first time it connects — and warns when it does not name the key vault hosts.
 */
@Startup
@Singleton
public class HttpsCertificateAtStart {

    private static final Logger LOG = Logger.getLogger(HttpsCertificateAtStart.class.getName());
    private static final int ATTEMPTS = 30;

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        Path keystore = settings.tlsKeystore().toAbsolutePath();
        Path directory = keystore.getParent();
        boolean own = !settings.tlsKeystoreGiven() || !Files.isDirectory(directory);
        if (own) {
            ownerOnly(directory, "rwx------", true); // Strongroom's own directory, or one it creates
        }
        executor.execute(() -> announce(keystore, own));
    }

    private void announce(Path keystore, boolean own) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                X509Certificate certificate = ServerCertificates.presentedBy("127.0.0.1", settings.httpsPort(), 5000);
                if (own) {
                    ownerOnly(keystore, "rw-------", false);
                }
                LOG.info(() -> "HTTPS on port " + settings.httpsPort() + " with certificate " + certificate.getSubjectX500Principal()
                        + (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) ? " (self-signed)" : ", issued by " + certificate.getIssuerX500Principal())
                        + ", valid until " + certificate.getNotAfter().toInstant() + ", SHA-256 fingerprint "
                        + ServerCertificates.sha256Fingerprint(certificate) + ", keystore " + keystore);
                settings.keyVaultDomain().ifPresent(domain -> requireKeyVaultHosts(certificate, domain));
                return;
            } catch (IOException e) {
                last = e;
                sleep();
            }
        }
        IOException failure = last;
        LOG.warning(() -> "The HTTPS listener on port " + settings.httpsPort() + " did not answer: " + failure
                + " (keystore " + keystore + ", see wildfly-config/45-tls.cli)");
    }

    /** Warns when the certificate does not name the key vault hosts: Azure SDKs, which verify host names, would refuse it. */
    private static void requireKeyVaultHosts(X509Certificate certificate, String domain) {
        String example = "kv1." + domain;
        if (!ServerCertificates.names(certificate, example) || !ServerCertificates.names(certificate, KeyVaultUris.AUTHORITY_LABEL + "." + domain)) {
            LOG.warning(() -> "The HTTPS certificate does not name the key vault hosts *." + domain + " (STRONGROOM_KEYVAULT_DOMAIN): "
                    + "Azure SDKs will refuse it. Give a keystore whose certificate names *." + domain + " (STRONGROOM_TLS_KEYSTORE), "
                    + "or, for a self-signed one, set STRONGROOM_TLS_HOST=*." + domain + " and delete the generated keystore");
        }
    }

    private static void ownerOnly(Path path, String permissions, boolean create) {
        try {
            if (create) {
                Files.createDirectories(path);
            }
            if (Files.exists(path) && Files.isWritable(path)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning(() -> "Cannot make " + path + " owner-only: " + e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
