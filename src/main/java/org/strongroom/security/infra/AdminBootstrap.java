package org.strongroom.security.infra;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.strongroom.security.app.UserAccounts;

/** Creates the {@code admin} user at first start, once the schema exists; gives older users their principal ids. */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class AdminBootstrap {

    @Inject
    UserAccounts accounts;

    @PostConstruct
    void createAdminOnFirstStart() {
        accounts.ensureAdmin(System.getenv("STRONGROOM_ADMIN_PASSWORD"));
        accounts.assignPrincipalIds();
    }
}
