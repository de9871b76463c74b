package org.strongroom.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

import org.strongroom.platform.Roles;

/**
 * The application's roles. Authentication is HTTP Basic (users) or a Bearer access token (service
 * principals) for the whole application ({@link org.strongroom.security.infra.HttpAuthentication});
 * web.xml says which paths need it.
 */
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.READER, Roles.SERVICE_PRINCIPAL})
@ApplicationScoped
public class SecurityConfiguration {
}
