package org.strongroom.keymanager.infra;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;

import org.strongroom.crypto.TrustAnchors;
import org.strongroom.keymanager.app.RemoteKeyManager;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.Settings;

/**
 * Connects to key managers that speak Azure Key Vault's protocol: the JDK's HTTP client (trusting the
 * registration's certificates alone when it gives some, else the JVM's trust store), with connect and
 * call timeouts and the SDK's retry policy — exponential backoff with jitter, on 408, 429, 5xx and lost
 * connections, waiting as long as {@code Retry-After} (or {@code retry-after-ms}) asks — and the
 * registration's credential, whose tokens azure-identity caches until they expire.
 */
@ApplicationScoped
public class AzureProtocolConnector implements RemoteKeyManager.Connector {

    /** Microsoft Entra ID's authority hosts (public and national clouds), whose instance discovery applies. */
    private static final Set<String> MICROSOFT_AUTHORITIES = Set.of("login.microsoftonline.com", "login.microsoftonline.us",
            "login.chinacloudapi.cn", "login.microsoftonline.de");
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(8);

    @Inject
    Settings settings;

    @Override
    public boolean connects(KeyManager.Kind kind) {
        return kind == KeyManager.Kind.AzureKeyVault;
    }

    @Override
    public RemoteKeyManager connect(KeyManager registration, char[] clientSecret) {
        return connect(registration, clientSecret, settings.keyManagerTimeout(), settings.keyManagerRetries());
    }

    /** A connection whose calls wait {@code timeout} at most, and are tried again {@code retries} times. */
    static RemoteKeyManager connect(KeyManager registration, char[] clientSecret, Duration timeout, int retries) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        registration.trustedCertificates().ifPresent(pem -> jdk.sslContext(TrustAnchors.trusting(pem)));
        HttpClient http = new JdkHttpClientBuilder(jdk).connectionTimeout(timeout).responseTimeout(timeout)
                .readTimeout(timeout).writeTimeout(timeout).build();
        RetryOptions retryOptions = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(retries)
                .setBaseDelay(FIRST_RETRY_DELAY).setMaxDelay(LONGEST_RETRY_DELAY));
        return new AzureProtocolKeyManager(registration, credential(registration, clientSecret, http), http, retryOptions);
    }

    private static TokenCredential credential(KeyManager registration, char[] clientSecret, HttpClient http) {
        return switch (registration.credentialType()) {
            case ClientSecret -> {
                ClientSecretCredentialBuilder secret = new ClientSecretCredentialBuilder().tenantId(registration.tenantId())
                        .clientId(registration.clientId()).clientSecret(new String(clientSecret))
                        .authorityHost(registration.authorityHost()).httpClient(http);
                if (!MICROSOFT_AUTHORITIES.contains(URI.create(registration.authorityHost()).getHost())) {
                    secret.disableInstanceDiscovery(); // another server's authority: Microsoft's discovery knows nothing of it
                }
                yield secret.build();
            }
            case DefaultAzureCredential -> {
                DefaultAzureCredentialBuilder chain = new DefaultAzureCredentialBuilder().httpClient(http)
                        .authorityHost(registration.authorityHost());
                if (registration.tenantId() != null) {
                    chain.tenantId(registration.tenantId());
                }
                if (registration.clientId() != null) {
                    chain.managedIdentityClientId(registration.clientId());
                }
                yield chain.build();
            }
            case Pin -> throw new IllegalArgumentException("A PIN signs in at a PKCS#11 token, not at " + registration.keyVaultUrl());
        };
    }
}
