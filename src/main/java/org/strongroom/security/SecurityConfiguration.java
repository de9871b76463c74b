package org.strongroom.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's roles. Authentication is HTTP Basic for the whole application
 * ({@link org.strongroom.security.infra.BasicAuthentication}); web.xml says which paths need it.
 */
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
@ApplicationScoped
public class SecurityConfiguration {
}
