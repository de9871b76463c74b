package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
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
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.CustomerKeys;
import org.strongroom.support.Deployments;
import org.strongroom.support.Figures;

/**
 * One key update of a vault at a time, whatever starts it (SPEC 11): a user's update racing the
 * automatic rotation that a new key version starts, and two JMS requests sent at the same instant, many
 * times over. The proof is the jobs' own record: no key-update job of the vault starts before the one
 * before it has ended.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyUpdateRaceIT {

    private static final int ROUNDS = 16;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    @Test
    void userUpdates_racingRotationsOfTheKeyTheVaultFollows_neverRunTwoKeyUpdateJobsAtOnce() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "race");
        String versionless = Cmk.versionless(setup.kid());
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), versionless).getString("status"));
        List<String> newVersions = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            newVersions.add(CustomerKeys.pem(CustomerKeys.generate(2048)));
        }
        int refusedWhileBusy = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String pem = newVersions.get(round);
            long newVersionDelayMillis = (round % 4) * 20L;
            // A user asks for an update while a new version appears, a little later each round (imported, so that
            // it appears at once, without key generation): the automatic rotation it starts meets the user's job.
            List<Api.Response> answers = together(
                    () -> {
                        Thread.sleep(newVersionDelayMillis);
                        return admin.send("PUT", "/api/keyvaults/" + setup.keyVault() + "/keys/race", pem, "application/x-pem-file");
                    },
                    () -> cmk.assign(setup.vault(), versionless, Cmk.KEY_VAULT_SUBSCRIPTION, null));
            assertEquals(200, answers.get(0).status(), answers.get(0).toString());
            Api.Response user = answers.get(1);
            assertTrue(user.status() == 202 || user.isError(409, "Conflict"), user.toString());
            refusedWhileBusy += user.status() == 409 ? 1 : 0;
            awaitSettled(cmk, setup.vault(), Cmk.version(Cmk.kid(answers.get(0).json())));
        }
        List<JsonObject> jobs = keyUpdateJobs(admin, setup.vault());
        assertNoTwoAtOnce(jobs);
        assertTrue(jobs.size() > ROUNDS, "the system's rotations and the users' updates both ran: " + jobs.size() + " jobs");
        Figures.record("key-update-race-rest", ROUNDS + " rounds of a user's key update racing the automatic rotation of a new "
                + "key version: " + jobs.size() + " key-update jobs ran, none while another of the vault ran; "
                + refusedWhileBusy + " user updates refused with 409 while the vault was busy");
    }

    @Test
    void twoJmsKeyUpdateRequestsAtTheSameInstant_neverRunTwoKeyUpdateJobsAtOnce() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "race-jms");
        String first = setup.kid();
        String second = Cmk.kid(cmk.admin().post("/api/keyvaults/" + setup.keyVault() + "/keys/race-jms/rotate", null).json());
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), first).getString("status"));
        int accepted = 0;
        int refused = 0;
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://" + base.getHost() + ":" + base.getPort()
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor", "admin", Api.ADMIN_PASSWORD);
        try (JMSContext context = factory.createContext()) {
            TemporaryQueue replies = context.createTemporaryQueue();
            JMSConsumer consumer = context.createConsumer(replies);
            for (int round = 0; round < ROUNDS; round++) {
                String a = request(setup.vault(), round % 2 == 0 ? second : first);
                String b = request(setup.vault(), round % 2 == 0 ? first : second);
                together(() -> send(factory, a, replies), () -> send(factory, b, replies));
                for (int reply = 0; reply < 2; reply++) {
                    TextMessage message = (TextMessage) consumer.receive(90_000);
                    assertNotNull(message, "a reply to each request");
                    JsonObject answer = json(message.getText());
                    if (answer.containsKey("operation")) {
                        assertEquals("Completed", answer.getString("status"), answer.toString());
                        accepted++;
                    } else {
                        assertEquals("Conflict", answer.getString("code"), answer.toString());
                        refused++;
                    }
                }
            }
        }
        List<JsonObject> jobs = keyUpdateJobs(cmk.admin(), setup.vault());
        assertNoTwoAtOnce(jobs);
        assertEquals(2 * ROUNDS, accepted + refused);
        Figures.record("key-update-race-jms", ROUNDS + " pairs of JMS key update requests sent at the same instant: "
                + accepted + " accepted and completed, " + refused + " refused with Conflict; " + jobs.size()
                + " key-update jobs of the vault, none while another ran");
    }

    /** Waits until the vault has put {@code version} in force and no key-update job of it runs. */
    private static void awaitSettled(Cmk cmk, String vault, String version) {
        Await.until(() -> {
            JsonObject encryption = cmk.encryption(vault);
            return version.equals(encryption.getString("activeKeyVersion", null))
                    && "Succeeded".equals(encryption.getString("lastUpdateStatus"))
                    && keyUpdateJobs(cmk.admin(), vault).stream().noneMatch(job -> "InProgress".equals(job.getString("status")));
        }, "vault " + vault + " to follow key version " + version);
    }

    private static List<JsonObject> keyUpdateJobs(Api admin, String vault) {
        List<JsonObject> jobs = new ArrayList<>();
        for (String operation : List.of("ConfigureEncryption", "UpdateEncryptionKey")) {
            admin.get("/api/jobs?vault=" + vault + "&operation=" + operation).json().getJsonArray("value")
                    .forEach(job -> jobs.add(job.asJsonObject()));
        }
        jobs.sort(Comparator.comparing(job -> Instant.parse(job.getString("startTime"))));
        return jobs;
    }

    /** Each job starts only once the one before it has ended. */
    private static void assertNoTwoAtOnce(List<JsonObject> jobs) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 1; i < jobs.size(); i++) {
            JsonObject before = jobs.get(i - 1);
            JsonObject after = jobs.get(i);
            assertTrue(before.containsKey("endTime"), "every job ended: " + before);
            if (Instant.parse(after.getString("startTime")).isBefore(Instant.parse(before.getString("endTime")))) {
                overlaps.add(after.getString("id") + " (" + after.getString("requestedBy") + ") started at "
                        + after.getString("startTime") + " while " + before.getString("id") + " (" + before.getString("requestedBy")
                        + ") ran until " + before.getString("endTime"));
            }
        }
        assertTrue(overlaps.isEmpty(), "key-update jobs of one vault ran at once: " + overlaps);
    }

    private static String request(String vault, String keyUri) {
        return "{\"operation\":\"UpdateEncryptionKey\",\"vault\":\"" + vault + "\",\"keyUri\":\"" + keyUri
                + "\",\"keyVaultSubscriptionId\":\"" + Cmk.KEY_VAULT_SUBSCRIPTION + "\",\"requestId\":\"race-" + UUID.randomUUID() + "\"}";
    }

    /** Sends on a connection of its own, so that two sends really race. */
    private static Void send(ActiveMQConnectionFactory factory, String body, TemporaryQueue replies) throws JMSException {
        try (JMSContext context = factory.createContext()) {
            TextMessage message = context.createTextMessage(body);
            message.setJMSReplyTo(replies);
            context.createProducer().send(context.createQueue("jms.queue.keyUpdateRequests"), message);
        }
        return null;
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Runs the calls from threads released at the same instant; answers in call order. */
    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
