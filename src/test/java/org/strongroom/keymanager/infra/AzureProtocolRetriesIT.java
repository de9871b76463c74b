package org.strongroom.keymanager.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongroom.keymanager.app.RemoteKeyManager;
import org.strongroom.keymanager.app.RemoteKeyManager.KeyRef;
import org.strongroom.keymanager.domain.KeyManager;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * A key manager that is slow or away (issue 18): the Azure-protocol client as {@link AzureProtocolConnector}
 * builds it — timeouts, the SDK's retry policy, a client secret signed in at the authority — against an
 * HTTPS key vault of the test's own that throttles, fails and hangs on purpose (its host in it-hosts). No
 * WildFly: this is the client alone, on real HTTP and TLS.
 */
class AzureProtocolRetriesIT {

    private static final String HOST = "retry-kv.vault.retry.test";
    private static final String TENANT = "tenant-1";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int RETRIES = 3;

    private HttpsServer server;
    private String pem;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger keyCalls = new AtomicInteger();

    /** What the key vault answers an authorized key call, in turn; the last one again when they run out. */
    private record Answer(int status, String retryAfter, long delayMillis) {
    }

    @BeforeEach
    void startKeyVault() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=*.vault.retry.test");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "*.vault.retry.test")}));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", pair.getPrivate(), "pw".toCharArray(), new X509Certificate[] {certificate});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopKeyVault() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authority = "https://login.vault.retry.test:" + port() + "/" + TENANT;
        if (path.endsWith("/openid-configuration")) {
            send(exchange, 200, "{\"issuer\":\"" + authority + "/v2.0\",\"token_endpoint\":\"" + authority
                    + "/oauth2/v2.0/token\",\"authorization_endpoint\":\"" + authority + "/oauth2/v2.0/authorize\"}");
            return;
        }
        if (path.endsWith("/oauth2/v2.0/token")) {
            send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"t1\"}");
            return;
        }
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer authorization=\"https://login.vault.retry.test:" + port()
                    + "/" + TENANT + "\", resource=\"https://vault.retry.test\"");
            send(exchange, 401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"token required\"}}");
            return;
        }
        keyCalls.incrementAndGet();
        Answer answer;
        synchronized (answers) {
            answer = answers.size() > 1 ? answers.poll() : answers.peek();
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        send(exchange, answer.status(), answer.status() == 200 ? key() : "{\"error\":{\"code\":\"Error" + answer.status()
                + "\",\"message\":\"on purpose\"}}");
    }

    private String key() {
        String modulus = Base64.getUrlEncoder().withoutPadding().encodeToString(BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE).toByteArray());
        return "{\"key\":{\"kid\":\"https://" + HOST + ":" + port() + "/keys/k/0123456789abcdef0123456789abcdef\",\"kty\":\"RSA\","
                + "\"key_ops\":[\"wrapKey\",\"unwrapKey\"],\"n\":\"" + modulus + "\",\"e\":\"AQAB\"},\"attributes\":{\"enabled\":true,"
                + "\"recoveryLevel\":\"Recoverable\",\"recoverableDays\":90}}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private RemoteKeyManager connect() {
        KeyManager registration = KeyManager.register("retry-kv", new KeyManager.Registration(KeyManager.Kind.AzureKeyVault,
                "https://" + HOST + ":" + port(), "westeurope", null, KeyManager.CredentialType.ClientSecret, TENANT, "client-1",
                "https://login.vault.retry.test:" + port(), pem), new byte[] {1}, Instant.now());
        return AzureProtocolConnector.connect(registration, "secret".toCharArray(), TIMEOUT, RETRIES);
    }

    private void answer(Answer... inTurn) {
        answers.clear();
        answers.addAll(List.of(inTurn));
    }

    @Test
    void throttled_isTriedAgainAfterRetryAfter_andThenAnswers() {
        answer(new Answer(429, "2", 0), new Answer(200, null, 0));
        long started = System.nanoTime();
        RemoteKeyManager.RemoteKey key = connect().get(new KeyRef("k", null));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2048, key.key().keySize());
        assertEquals("Recoverable", key.recoveryLevel());
        assertEquals(2, keyCalls.get(), "one throttled call, one answered");
        assertTrue(tookMillis >= 2000, "waited the 2 s Retry-After asked for, not less: " + tookMillis + " ms");
    }

    @Test
    void serverErrors_areTriedAgain_thenEndUnreachable() {
        answer(new Answer(503, null, 0));
        StrongroomException refused = assertThrows(StrongroomException.class, () -> connect().get(new KeyRef("k", null)));
        assertEquals(ErrorCode.UserErrorKeyVaultUnreachable, refused.code());
        assertTrue(refused.getMessage().contains("503"), refused.getMessage());
        assertEquals(1 + RETRIES, keyCalls.get(), "the first call and its retries");
    }

    @Test
    void aServerErrorOnce_isHiddenByARetry() {
        answer(new Answer(500, null, 0), new Answer(200, null, 0));
        assertEquals(2048, connect().get(new KeyRef("k", null)).key().keySize());
        assertEquals(2, keyCalls.get());
    }

    @Test
    void noAnswerInTime_isUnreachable() {
        answer(new Answer(200, null, 3 * TIMEOUT.toMillis()));
        StrongroomException refused = assertThrows(StrongroomException.class, () -> connect().get(new KeyRef("k", null)));
        assertEquals(ErrorCode.UserErrorKeyVaultUnreachable, refused.code(), refused.getMessage());
    }

    @Test
    void refusals_areAnswers_andNotTriedAgain() {
        answer(new Answer(403, null, 0));
        StrongroomException forbidden = assertThrows(StrongroomException.class, () -> connect().get(new KeyRef("k", null)));
        assertEquals(ErrorCode.Forbidden, forbidden.code());
        assertEquals(1, keyCalls.get());
        answer(new Answer(404, null, 0));
        assertEquals(ErrorCode.NotFound, assertThrows(StrongroomException.class, () -> connect().get(new KeyRef("k", null))).code());
    }

    @Test
    void nothingListening_isUnreachable() {
        RemoteKeyManager remote = connect();
        server.stop(0);
        server = null;
        StrongroomException refused = assertThrows(StrongroomException.class, () -> remote.get(new KeyRef("k", null)));
        assertEquals(ErrorCode.UserErrorKeyVaultUnreachable, refused.code(), refused.getMessage());
    }
}
