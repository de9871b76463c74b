package org.strongroom.platform;

/** Role names for {@code @RolesAllowed}: the users' roles (security's {@code Role}), and that of service principals. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String READER = "reader";

    /** The one role of a caller with an access token of a service principal: only key-vault data-plane resources allow it. */
    public static final String SERVICE_PRINCIPAL = "servicePrincipal";

    private Roles() {
    }
}
