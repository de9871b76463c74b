package org.strongroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.ServerCertificates;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.TrustedServer;

/**
 * TLS by default: the HTTPS listener serves the operator's certificate (the PostgreSQL pass gives one,
 * STRONGROOM_TLS_KEYSTORE) or a self-signed one generated at first start, whose fingerprint the log
 * prints; HTTPS answers carry HSTS; plain HTTP takes credentials from loopback clients only; Locations
 * follow the public URL; JMS producers connect over TLS too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransportSecurityIT {

    private static final int HTTPS_PORT = 8443 + Integer.getInteger("it.port.offset", 100);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private static X509Certificate served() throws IOException {
        return ServerCertificates.presentedBy("127.0.0.1", HTTPS_PORT, 10_000);
    }

    private Api adminOverTls() throws Exception {
        return Api.admin(base).overTls(URI.create("https://login.vault.strongroom.test:" + HTTPS_PORT + "/"), TrustedServer.trusting(served()));
    }

    @Test
    void httpsListener_servesTheOperatorsCertificate_orASelfSignedOneWhoseFingerprintIsLogged() throws Exception {
        X509Certificate served = served();
        String given = System.getenv("STRONGROOM_TLS_KEYSTORE");
        String fingerprint = ServerCertificates.sha256Fingerprint(served);
        if (given != null) {
            KeyStore operators = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(given))) {
                operators.load(in, System.getenv("STRONGROOM_TLS_KEYSTORE_PASSWORD").toCharArray());
            }
            assertEquals(operators.getCertificate(Collections.list(operators.aliases()).get(0)), served);
        } else {
            assertEquals(served.getSubjectX500Principal(), served.getIssuerX500Principal(), "self-signed");
            assertEquals("CN=*.vault.strongroom.test", served.getSubjectX500Principal().getName(), "STRONGROOM_TLS_HOST of the IT server");
            Path keystore = Path.of(System.getProperty("it.server.base"), "configuration", "strongroom", "tls.p12");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        }
        Path log = Path.of(System.getProperty("it.server.base"), "log", "server.log");
        assertTrue(Files.readString(log).contains("SHA-256 fingerprint " + fingerprint), "the log names " + fingerprint);
    }

    @Test
    void overHttps_callsWork_withHsts_andLocationsFollowThePublicUrl() throws Exception {
        Api admin = adminOverTls();
        Api.Response me = admin.get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals("max-age=31536000", me.header("Strict-Transport-Security"));

        String name = Names.unique("tls");
        Api.Response created = admin.put("/api/users/" + name, "{\"password\":\"pw-" + UUID.randomUUID()
                + "\",\"roles\":[\"reader\"]}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(base + "api/users/" + name, created.header("Location"), "the public URL, not the address called");
        assertEquals(204, admin.delete("/api/users/" + name).status());
    }

    @Test
    void plainHttp_fromLoopback_takesCredentials_withoutHsts() {
        Api.Response me = Api.admin(base).get("/api/me");
        assertEquals(200, me.status(), me.toString());
        assertNull(me.header("Strict-Transport-Security"));
    }

    @Test
    void plainHttp_fromAnotherAddress_refusesCredentials_andInvitesNone() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        Assumptions.assumeTrue(other.isPresent(), "skipped: this machine has no non-loopback IPv4 address to call from");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        Answer withCredentials = plainHttpFrom(other.get(), "/api/me", basic);
        assertEquals(403, withCredentials.status(), withCredentials.toString());
        JsonObject error = withCredentials.json();
        assertEquals("HttpsRequired", error.getString("code"), error.toString());
        assertTrue(error.getString("message").contains("https://127.0.0.1:" + HTTPS_PORT + "/api/me"), error.toString());
        assertTrue(error.getString("message").contains("change that password"), error.toString());

        Answer withoutCredentials = plainHttpFrom(other.get(), "/api/vaults", null);
        assertEquals(403, withoutCredentials.status(), withoutCredentials.toString());
        assertEquals("HttpsRequired", withoutCredentials.json().getString("code"));
        assertTrue(!withoutCredentials.head().toLowerCase().contains("www-authenticate"), "no challenge inviting a password in clear");

        assertEquals(200, plainHttpFrom(other.get(), "/api/health", null).status(), "health needs no credentials");
    }

    @Test
    void jmsProducer_connectsOverTls() throws Exception {
        Path truststore = Files.createTempFile("strongroom-it-trust", ".p12");
        try (OutputStream out = Files.newOutputStream(truststore)) {
            TrustedServer.pinned(served()).store(out, "trust-it".toCharArray());
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + HTTPS_PORT
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&sslEnabled=true&verifyHost=false"
                + "&trustStoreType=PKCS12&trustStorePath=" + truststore + "&trustStorePassword=trust-it",
                "admin", Api.ADMIN_PASSWORD);
        try (JMSContext context = factory.createContext()) {
            var replies = context.createTemporaryQueue();
            JMSConsumer consumer = context.createConsumer(replies);
            TextMessage request = context.createTextMessage("{\"operation\":\"Backup\",\"vault\":\"" + Names.unique("nowhere-")
                    + "\",\"item\":\"files1\",\"requestId\":\"tls-" + UUID.randomUUID() + "\"}");
            request.setJMSReplyTo(replies);
            context.createProducer().send(context.createQueue("jms.queue.jobRequests"), request);
            TextMessage reply = (TextMessage) consumer.receive(60_000);
            assertNotNull(reply, "a reply over the TLS connection");
            assertEquals("NotFound", Json.createReader(new StringReader(reply.getText())).readObject().getString("code"));
        } finally {
            Files.delete(truststore);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private record Answer(int status, String head, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    /**
     * A plain HTTP/1.1 GET to the server's loopback listener from a socket bound to {@code from}: the
     * server sees a client on another address, as it would from another machine.
     */
    private Answer plainHttpFrom(InetAddress from, String path, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\nAccept: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }
}
