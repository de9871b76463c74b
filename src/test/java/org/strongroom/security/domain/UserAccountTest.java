package org.strongroom.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** Users: names, passwords and roles checked; roles replaced, not merged; principal ids kept. */
class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void newUser_checksItsPasswordAndKeepsRoles() {
        UserAccount user = new UserAccount("ops.1", "operator-pw".toCharArray(), Set.of(Role.operator), T0);
        assertTrue(user.passwordMatches("operator-pw".toCharArray()));
        assertFalse(user.passwordMatches("operator-pX".toCharArray()));
        assertEquals(Set.of(Role.operator), user.roles());
        assertFalse(user.isAdmin());
    }

    @Test
    void invalidNameWeakPasswordOrNoRole_areRefusedWithBadRequest() {
        StrongroomException name = assertThrows(StrongroomException.class,
                () -> new UserAccount("bad name", "long enough".toCharArray(), Set.of(Role.reader), T0));
        assertEquals("name", name.target());
        StrongroomException password = assertThrows(StrongroomException.class,
                () -> new UserAccount("ok", "short".toCharArray(), Set.of(Role.reader), T0));
        assertEquals("password", password.target());
        StrongroomException roles = assertThrows(StrongroomException.class,
                () -> new UserAccount("ok", "long enough".toCharArray(), Set.of(), T0));
        assertEquals("roles", roles.target());
        assertEquals(ErrorCode.BadRequest, roles.code());
    }

    @Test
    void changedRoles_replaceTheOldOnes_andOnlyAdminIsAdmin() {
        UserAccount user = new UserAccount("ops.2", "operator-pw".toCharArray(), Set.of(Role.admin), T0);
        org.junit.jupiter.api.Assertions.assertTrue(user.isAdmin());
        user.changeRoles(Set.of(Role.reader));
        org.junit.jupiter.api.Assertions.assertFalse(user.isAdmin(), "admin was taken away, not kept beside reader");
        assertEquals(Set.of(Role.reader), user.roles());
        java.util.Optional<String> principal = user.principalId();
        user.assignPrincipalId();
        assertEquals(principal, user.principalId(), "a user with a principal id keeps it");
        assertEquals(T0, user.created());
    }
}
