package org.strongroom.security.app;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.app.ActivityLog;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ResourcePath;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.Timestamps;
import org.strongroom.security.domain.ServicePrincipal;
import org.strongroom.security.domain.ServicePrincipalRepository;

/**
 * Manages service principals (admins only, through the REST resource): create one with its first client
 * secret, replace the secret, delete. Every change is in the activity log.
 */
@ApplicationScoped
public class ServicePrincipals {

    @Inject
    ServicePrincipalRepository principals;

    @Inject
    ActivityLog activity;

    @Transactional
    public ServicePrincipal.Created create(Caller caller, String displayName, Duration secretLifetime) {
        return activity.record(caller, "CreateServicePrincipal", ResourcePath.servicePrincipals(), () -> {
            if (displayName != null && principals.findByDisplayName(displayName).isPresent()) {
                throw StrongroomException.conflict("A service principal named '" + displayName + "' exists", "displayName");
            }
            ServicePrincipal.Created created = ServicePrincipal.create(displayName, secretLifetime, Timestamps.now());
            principals.add(created.principal());
            return created;
        }, created -> described(created.principal()));
    }

    @Transactional
    public ServicePrincipal.Created newSecret(Caller caller, String appId, Duration secretLifetime) {
        return activity.record(caller, "ResetServicePrincipalSecret", ResourcePath.servicePrincipal(appId), () -> {
            ServicePrincipal principal = get(appId);
            return new ServicePrincipal.Created(principal, principal.newSecret(secretLifetime, Timestamps.now()));
        }, created -> "secret " + created.principal().secretHint() + "…, valid until " + created.principal().secretExpires());
    }

    @Transactional
    public void delete(Caller caller, String appId) {
        activity.record(caller, "DeleteServicePrincipal", ResourcePath.servicePrincipal(appId), () -> {
            ServicePrincipal principal = get(appId);
            principals.remove(principal);
            return principal;
        }, ServicePrincipals::described);
    }

    @Transactional
    public ServicePrincipal get(String appId) {
        return principals.findByAppId(appId).orElseThrow(() -> StrongroomException.notFound(
                "No service principal with application id '" + appId + "'", ResourcePath.servicePrincipal(appId).toString()));
    }

    @Transactional
    public List<ServicePrincipal> list() {
        return principals.all();
    }

    private static String described(ServicePrincipal principal) {
        return "'" + principal.displayName() + "', application " + principal.appId() + ", principal " + principal.principalId();
    }
}
