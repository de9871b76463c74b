package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.activitylog.app.ActivityQueries;
import org.strongroom.activitylog.domain.ActivityQuery;
import org.strongroom.activitylog.domain.ActivityRecord;
import org.strongroom.keyvault.app.KeyOperations;
import org.strongroom.keyvault.app.KeyRotationPolicies;
import org.strongroom.keyvault.app.KeyRotationScheduler;
import org.strongroom.keyvault.app.KeyVaultAdministration;
import org.strongroom.keyvault.domain.KeyAttributes;
import org.strongroom.keyvault.domain.KeyRotationPolicy;
import org.strongroom.keyvault.domain.KeyVersion;
import org.strongroom.platform.Caller;
import org.strongroom.platform.Timestamps;
import org.strongroom.support.Names;

/**
 * Rotation policies carried out, as the hourly scheduler does, at a chosen moment: a Rotate action makes a
 * new version when due (once), expiring as the policy says; a Notify action is recorded once per version.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationPolicyIT {

    private static final Caller ADMIN = Caller.user("admin", true);

    @Deployment
    static WebArchive deployment() {
        return org.strongroom.support.Deployments.strongroom().addClass(Names.class);
    }

    @Inject
    KeyVaultAdministration administration;

    @Inject
    KeyOperations keys;

    @Inject
    KeyRotationPolicies policies;

    @Inject
    KeyRotationScheduler scheduler;

    @Inject
    ActivityQueries activity;

    private String newKeyVault() {
        String kv = Names.unique("kv");
        administration.put(ADMIN, kv, new KeyVaultAdministration.Settings("westeurope", "sub-9", "rg-9", true, 7, false));
        return kv;
    }

    private List<String> versions(String kv, String name) {
        return keys.versions(ADMIN, kv, name).stream().map(v -> v.version().versionId()).toList();
    }

    @Test
    void rotateAction_makesANewVersionWhenDue_expiringAsThePolicySays() {
        String kv = newKeyVault();
        keys.create(ADMIN, kv, "kek", 2048, null, KeyAttributes.NONE);
        policies.set(ADMIN, kv, "kek", KeyRotationPolicy.of(List.<String[]>of(new String[] {"Rotate", "P30D", null}), "P90D"));
        Instant now = Timestamps.now();

        scheduler.carryOut(now.plus(Duration.ofDays(29)));
        assertEquals(1, versions(kv, "kek").size(), "not due yet");

        scheduler.carryOut(now.plus(Duration.ofDays(31)));
        List<String> rotated = versions(kv, "kek");
        assertEquals(2, rotated.size(), "due 30 days after the version was created");
        KeyVersion newest = keys.get(ADMIN, kv, "kek", null).version();
        assertNotEquals(rotated.get(0), newest.versionId());
        Instant expected = newest.created().atZone(ZoneOffset.UTC).plus(Period.ofDays(90)).toInstant();
        assertEquals(expected, newest.expires(), "new versions expire after the policy's expiry time");
        List<ActivityRecord> log = activity.search(new ActivityQuery("keyvaults/" + kv + "/keys/kek", null, null, 5));
        assertTrue(log.stream().anyMatch(r -> r.operation().equals("RotateKey") && r.caller().equals("system")), log.toString());

        scheduler.carryOut(newest.created().plus(Duration.ofDays(29)));
        assertEquals(2, versions(kv, "kek").size(), "the new version is not due until 30 days after it was made");
    }

    @Test
    void notifyAction_ofTheDefaultPolicy_isRecordedOncePerVersion_30DaysBeforeExpiry() {
        String kv = newKeyVault();
        Instant now = Timestamps.now();
        keys.create(ADMIN, kv, "expiring", 2048, null, new KeyAttributes(null, null, now.plus(Duration.ofDays(40))));
        keys.create(ADMIN, kv, "lasting", 2048, null, KeyAttributes.NONE);

        scheduler.carryOut(now.plus(Duration.ofDays(5)));
        assertEquals(0, notices(kv, "expiring"), "40 days before expiry");
        scheduler.carryOut(now.plus(Duration.ofDays(11)));
        scheduler.carryOut(now.plus(Duration.ofDays(12)));
        assertEquals(1, notices(kv, "expiring"), "once, 30 days before expiry");
        assertEquals(0, notices(kv, "lasting"), "a version without expiry gets no notice");
        assertEquals(1, versions(kv, "expiring").size(), "the default policy does not rotate");
    }

    private long notices(String kv, String name) {
        return activity.search(new ActivityQuery("keyvaults/" + kv + "/keys/" + name, null, null, 50)).stream()
                .filter(r -> r.operation().equals("KeyNearExpiry")).count();
    }
}
