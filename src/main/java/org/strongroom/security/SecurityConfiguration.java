package org.strongroom.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * HTTP Basic authentication for the whole application (web.xml says which paths need it). The realm
 * name is what browsers show in their login prompt.
 */
@BasicAuthenticationMechanismDefinition(realmName = "Strongroom")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.READER})
@ApplicationScoped
public class SecurityConfiguration {
}
