package org.strongroom.security.domain;

/** What a user may do (API.md, Authentication). The names are public and match {@code Roles}. */
public enum Role {
    admin, operator, reader
}
