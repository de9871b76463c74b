package org.strongroom.security;

/** Role names for {@code @RolesAllowed}; the same names as {@link org.strongroom.security.domain.Role}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String READER = "reader";

    private Roles() {
    }
}
