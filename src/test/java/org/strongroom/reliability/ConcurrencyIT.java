package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.keyvault.KeyVaultClient;
import org.strongroom.platform.Caller;
import org.strongroom.platform.VaultName;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Figures;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;
import org.strongroom.vault.app.VaultDataKeys;
import org.strongroom.vault.app.VaultService;
import org.strongroom.vault.domain.Vault;

/** Many callers at once: one vault keeps exactly one key in force through racing key updates, and parallel backups all complete. */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    private static final int CALLERS = 20;

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Await.class, Cmk.class, Cmk.Setup.class,
                Names.class, SourceTrees.class, Figures.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    VaultService vaults;

    @Inject
    VaultDataKeys dataKeys;

    @Inject
    KeyVaultClient keyVault;

    @Test
    void twentyParallelKeyUpdates_ofOneVault_keepOneKeyInForceAtEveryMoment_andTheLastAcceptedWins() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        Caller identity = Caller.identity(setup.principal());
        byte[] dataKey;
        try (KeyMaterial original = dataKeys.unwrap(vaults.get(VaultName.of(setup.vault())))) {
            dataKey = original.bytes().clone();
        }
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            versions.add(Cmk.kid(cmk.admin().post("/api/keyvaults/" + setup.keyVault() + "/keys/cmk/rotate", null).json()));
        }

        AtomicBoolean storm = new AtomicBoolean(true);
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        Future<Integer> consistentSamples = watcher.submit(() -> {
            int samples = 0;
            while (storm.get()) {
                Vault now = vaults.get(VaultName.of(setup.vault()));
                String wrappedBy = now.dataKeyWrappedBy().orElseThrow();
                assertEquals(now.activeKeyId(), wrappedBy, "the key in force is the key that wraps the data key");
                try (KeyMaterial opened = keyVault.unwrap(wrappedBy, now.wrappedDataKey(), identity)) {
                    assertArrayEquals(dataKey, opened.bytes(), "at every moment, the key in force opens the data key");
                }
                samples++;
            }
            return samples;
        });
        List<Api.Response> answers = all(i -> cmk.assign(setup.vault(), versions.get(i), Cmk.KEY_VAULT_SUBSCRIPTION, null));

        List<String> acceptedKeys = new ArrayList<>();
        List<JsonObject> jobs = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Api.Response answer = answers.get(i);
            assertTrue(answer.status() == 202 || answer.isError(409, "Conflict"), answer.toString());
            if (answer.status() == 202) {
                acceptedKeys.add(versions.get(i));
                jobs.add(cmk.awaitJob(answer));
            }
        }
        storm.set(false);
        int samples = consistentSamples.get();
        watcher.shutdown();
        assertTrue(!jobs.isEmpty(), "at least one update is accepted");
        jobs.forEach(job -> assertEquals("Completed", job.getString("status"), job.toString()));
        // A request is accepted only while no other update of the vault is pending (the vault row is locked
        // meanwhile), so acceptance order is the order in which updates took effect.
        JsonObject last = jobs.stream().max(Comparator.comparing(job -> Instant.parse(job.getString("startTime")))).orElseThrow();
        String lastKey = acceptedKeys.get(jobs.indexOf(last));

        Vault vault = vaults.get(VaultName.of(setup.vault()));
        assertEquals(lastKey, cmk.encryption(setup.vault()).getString("keyUri"));
        assertEquals(lastKey, vault.dataKeyWrappedBy().orElseThrow());
        try (KeyMaterial viaKeyVault = keyVault.unwrap(lastKey, vault.wrappedDataKey(), identity)) {
            assertArrayEquals(dataKey, viaKeyVault.bytes(), "the data key never changes, whichever update won");
        }
        Figures.record("concurrency-key-updates", CALLERS + " parallel key updates of one vault: " + jobs.size()
                + " accepted and completed, " + (CALLERS - jobs.size()) + " refused with 409 Conflict while another was pending; "
                + samples + " samples taken meanwhile all had the key in force wrapping the unchanged data key; "
                + "the last accepted update is in force at the end");
    }

    @Test
    void vaultPut_whileAutomaticRotationsChangeTheVault_answers200_never500() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.setup(cmk.keyVault(), "put-race");
        assertEquals("Completed", cmk.assignAndWait(setup.vault(), Cmk.versionless(setup.kid())).getString("status"));
        String body = "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-backup\",\"resourceGroup\":\"rg-backup\"}";
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            cmk.admin().post("/api/keyvaults/" + setup.keyVault() + "/keys/put-race/rotate", null);
            for (int i = 0; i < 10; i++) {
                statuses.add(cmk.admin().put("/api/vaults/" + setup.vault(), body).status());
            }
        }
        assertTrue(statuses.stream().allMatch(status -> status == 200), "PUT of an unchanged vault during rotations: " + statuses);
    }

    @Test
    void twentyParallelCreations_ofOneNewVault_createItOnce_andTheLosersGet200Or409_never500() throws Exception {
        Cmk cmk = new Cmk(base);
        String vault = Names.unique("same-");
        String body = "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-backup\",\"resourceGroup\":\"rg-backup\"}";
        List<Api.Response> answers = all(i -> cmk.admin().put("/api/vaults/" + vault, body));
        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), answers.toString());
        assertTrue(answers.stream().allMatch(a -> a.status() == 201 || a.status() == 200 || a.isError(409, "Conflict")),
                answers.toString());
    }

    @Test
    void twentyParallelBackups_ofDifferentItems_allComplete_andVerify() throws Exception {
        Cmk cmk = new Cmk(base);
        Api admin = cmk.admin();
        Cmk.Setup setup = cmk.cmkVault();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Path source = SourceTrees.newDirectory("parallel-" + i);
            byte[] data = new byte[800_000];
            new Random(i).nextBytes(data);
            Files.write(source.resolve("data.bin"), data);
            String item = "item-" + i;
            cmk.filesItem(setup.vault(), item, source);
            items.add(item);
        }

        List<Api.Response> answers = all(i -> admin.post("/api/vaults/" + setup.vault() + "/items/" + items.get(i) + "/backup", "{}"));

        for (int i = 0; i < CALLERS; i++) {
            assertEquals("Completed", cmk.awaitJob(answers.get(i)).getString("status"), items.get(i));
            var points = admin.get("/api/vaults/" + setup.vault() + "/items/" + items.get(i) + "/recoveryPoints").json().getJsonArray("value");
            assertEquals(1, points.size());
            assertEquals("Completed", cmk.awaitJob(admin.post("/api/vaults/" + setup.vault() + "/items/" + items.get(i)
                    + "/recoveryPoints/" + points.getJsonObject(0).getString("id") + "/verify", null)).getString("status"));
        }
        Figures.record("concurrency-backups", CALLERS + " parallel backups of " + CALLERS + " items of one CMK vault: "
                + CALLERS + "/" + CALLERS + " completed, " + CALLERS + " recovery points all verify");
    }

    /** Calls {@code call} for 0..19 from 20 threads released at the same instant; answers in index order. */
    private static List<Api.Response> all(IntFunction<Api.Response> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    gate.await();
                    return call.apply(index);
                }));
            }
            gate.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
