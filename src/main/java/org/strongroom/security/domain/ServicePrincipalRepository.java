package org.strongroom.security.domain;

import java.util.List;
import java.util.Optional;

/** Where service principals are kept. Callers run inside a transaction. */
public interface ServicePrincipalRepository {

    Optional<ServicePrincipal> findByAppId(String appId);

    Optional<ServicePrincipal> findByPrincipalId(String principalId);

    Optional<ServicePrincipal> findByDisplayName(String displayName);

    List<ServicePrincipal> all();

    void add(ServicePrincipal principal);

    void remove(ServicePrincipal principal);
}
