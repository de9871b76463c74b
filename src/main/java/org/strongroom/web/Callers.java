package org.strongroom.web;

import jakarta.ws.rs.core.SecurityContext;

import org.strongroom.platform.Caller;

/** The {@link Caller} behind a REST request. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityContext security) {
        return Caller.user(security.getUserPrincipal().getName(), security.isUserInRole("admin"));
    }
}
