package org.strongroom.web;

import jakarta.ws.rs.core.SecurityContext;

import org.strongroom.platform.Caller;
import org.strongroom.platform.Roles;

/** The {@link Caller} behind a REST request. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityContext security) {
        String name = security.getUserPrincipal().getName();
        if (security.isUserInRole(Roles.SERVICE_PRINCIPAL)) {
            return Caller.servicePrincipal(name);
        }
        return Caller.user(name, security.isUserInRole(Roles.ADMIN));
    }
}
