package org.strongroom.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * An outside JMS producer (API.md, "JMS"): a remote Artemis client, authenticated as a Strongroom
 * operator over the HTTP port, requests a backup with JMSReplyTo and gets the final job back; a resend
 * maps to the same job; a malformed request gets an error reply and does not block the queue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmsProducerIT {

    private static final long REPLY_TIMEOUT_MS = 90_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private record Producer(String name, String password) {
    }

    private Producer newUser(String role) {
        String name = Names.unique(role);
        String password = "pw-" + UUID.randomUUID();
        assertEquals(201, Api.admin(base).put("/api/users/" + name,
                "{\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}").status());
        return new Producer(name, password);
    }

    private JMSContext connect(Producer producer) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://" + base.getHost() + ":" + base.getPort()
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor", producer.name(), producer.password());
        return factory.createContext();
    }

    private static String send(JMSContext context, String queue, String body, TemporaryQueue replies) {
        TextMessage message = context.createTextMessage(body);
        try {
            message.setJMSReplyTo(replies);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        context.createProducer().send(context.createQueue("jms.queue." + queue), message);
        try {
            return message.getJMSMessageID();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject receive(JMSConsumer consumer, String correlationId) throws Exception {
        TextMessage reply = (TextMessage) consumer.receive(REPLY_TIMEOUT_MS);
        assertNotNull(reply, "no reply within " + REPLY_TIMEOUT_MS + " ms");
        assertEquals(correlationId, reply.getJMSCorrelationID());
        try (var reader = Json.createReader(new StringReader(reply.getText()))) {
            return reader.readObject();
        }
    }

    private static String backupRequest(String vault, String requestId) {
        return "{\"operation\":\"Backup\",\"vault\":\"" + vault + "\",\"item\":\"files1\",\"requestId\":\"" + requestId + "\"}";
    }

    /** A key update request assigning the setup's key, its subscription given as member {@code subscriptionMember}. */
    private static String keyUpdateRequest(Cmk.Setup setup, String subscriptionMember) {
        return "{\"operation\":\"UpdateEncryptionKey\",\"vault\":\"" + setup.vault() + "\",\"keyUri\":\"" + setup.kid()
                + "\",\"" + subscriptionMember + "\":\"" + Cmk.KEY_VAULT_SUBSCRIPTION + "\",\"requestId\":\"k-" + UUID.randomUUID() + "\"}";
    }

    @Test
    void backupRequest_getsTheCompletedJob_aResendGetsTheSameJob_andAMalformedRequestDoesNotBlock() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        assertEquals(201, cmk.admin().put("/api/vaults/" + vault + "/items/files1",
                "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + SourceTrees.tree("jms", 40) + "\"}}").status());
        Producer operator = newUser("operator");
        try (JMSContext context = connect(operator)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            JMSConsumer consumer = context.createConsumer(replies);
            String requestId = "req-" + UUID.randomUUID();

            String first = send(context, "jobRequests", backupRequest(vault, requestId), replies);
            JsonObject done = receive(consumer, first);
            assertEquals("Backup", done.getString("operation"));
            assertEquals("Completed", done.getString("status"), done.toString());
            assertEquals(vault, done.getString("vault"));

            String resend = send(context, "jobRequests", backupRequest(vault, requestId), replies);
            JsonObject again = receive(consumer, resend);
            assertEquals(done.getString("id"), again.getString("id"));
            assertEquals(1, cmk.admin().get("/api/jobs?vault=" + vault + "&operation=Backup").json().getJsonArray("value").size());

            String malformed = send(context, "jobRequests", "{\"operation\": \"Backup\", this is not json", replies);
            JsonObject error = receive(consumer, malformed);
            assertEquals("BadRequest", error.getString("code"), error.toString());

            String unknownVault = send(context, "jobRequests", backupRequest(Names.unique("nowhere-"), "req-" + UUID.randomUUID()), replies);
            assertEquals("NotFound", receive(consumer, unknownVault).getString("code"));

            String next = send(context, "jobRequests", backupRequest(vault, "req-" + UUID.randomUUID()), replies);
            JsonObject nextDone = receive(consumer, next);
            assertEquals("Completed", nextDone.getString("status"), nextDone.toString());
        }
    }

    @Test
    void keyUpdateRequests_areForAdminsOnly_andOtherQueuesAreClosedToProducers() {
        Producer operator = newUser("operator");
        try (JMSContext context = connect(operator)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            assertThrows(JMSRuntimeException.class, () -> send(context, "keyUpdateRequests",
                    "{\"operation\":\"UpdateEncryptionKey\",\"vault\":\"v\",\"requestId\":\"r1\"}", replies));
            assertThrows(JMSRuntimeException.class, () -> send(context, "backupJobs", "{\"jobId\":\"x\"}", replies));
        }
    }

    @Test
    void keyUpdateRequest_fromAnAdmin_configuresEncryption() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "jms-key");
        try (JMSContext context = connect(new Producer("admin", Api.ADMIN_PASSWORD))) {
            TemporaryQueue replies = context.createTemporaryQueue();
            JMSConsumer consumer = context.createConsumer(replies);
            String id = send(context, "keyUpdateRequests", keyUpdateRequest(setup, "keyVaultSubscriptionId"), replies);
            JsonObject done = receive(consumer, id);
            assertEquals("ConfigureEncryption", done.getString("operation"));
            assertEquals("Completed", done.getString("status"), done.toString());
            assertEquals("CustomerManaged", cmk.encryption(setup.vault()).getString("encryptionAtRestType"));
        }
    }

    @Test
    void keyUpdateRequest_withAnUnknownField_isRefusedNamingIt_andStartsNoJob() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "jms-strict");
        try (JMSContext context = connect(new Producer("admin", Api.ADMIN_PASSWORD))) {
            TemporaryQueue replies = context.createTemporaryQueue();
            JMSConsumer consumer = context.createConsumer(replies);
            String id = send(context, "keyUpdateRequests", keyUpdateRequest(setup, "keyVaultSubscriptionID"), replies);
            JsonObject refused = receive(consumer, id);
            assertEquals("BadRequest", refused.getString("code"), refused.toString());
            assertEquals("keyVaultSubscriptionID", refused.getString("target"));
            assertTrue(refused.getString("message").contains("did you mean 'keyVaultSubscriptionId'?"), refused.toString());
            assertEquals(0, cmk.admin().get("/api/jobs?vault=" + setup.vault()).json().getJsonArray("value").size());
        }
    }

    @Test
    void requestWhoseReplyToIsNotATemporaryQueue_isDropped_andStartsNothing() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        for (String item : new String[] {"dropped", "control"}) {
            assertEquals(201, cmk.admin().put("/api/vaults/" + vault + "/items/" + item, "{\"workloadType\":\"Files\","
                    + "\"source\":{\"path\":\"" + SourceTrees.tree("jms-replyto-" + item, 42) + "\"}}").status());
        }
        try (JMSContext context = connect(newUser("operator"))) {
            TextMessage aimedElsewhere = context.createTextMessage("{\"operation\":\"Backup\",\"vault\":\"" + vault
                    + "\",\"item\":\"dropped\",\"requestId\":\"req-" + UUID.randomUUID() + "\"}");
            aimedElsewhere.setJMSReplyTo(context.createQueue("jms.queue.backupJobs"));
            context.createProducer().send(context.createQueue("jms.queue.jobRequests"), aimedElsewhere);

            TemporaryQueue replies = context.createTemporaryQueue();
            JMSConsumer consumer = context.createConsumer(replies);
            String control = send(context, "jobRequests", "{\"operation\":\"Backup\",\"vault\":\"" + vault
                    + "\",\"item\":\"control\",\"requestId\":\"req-" + UUID.randomUUID() + "\"}", replies);
            assertEquals("Completed", receive(consumer, control).getString("status"));
        }
        Thread.sleep(2000);
        var jobs = cmk.admin().get("/api/jobs?vault=" + vault + "&operation=Backup").json().getJsonArray("value");
        assertEquals(List.of("control"), jobs.stream().map(job -> job.asJsonObject().getString("item")).toList(),
                "only the request that replies to its own temporary queue ran");
    }

    @Test
    void wrongPassword_isRefusedByTheBroker() {
        Producer operator = newUser("operator");
        assertThrows(JMSRuntimeException.class, () -> {
            try (JMSContext context = connect(new Producer(operator.name(), "not-the-password"))) {
                context.createTemporaryQueue();
            }
        });
    }
}
