package org.strongroom.security.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.crypto.Passwords;
import org.strongroom.platform.StrongroomException;

/**
 * A person or program that calls Strongroom, with a bcrypt password hash, its roles, and a principal id
 * (a UUID, as a vault's identity has): key-vault access policies name it, never the user name.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "principal_id", length = 36, unique = true)
    private String principalId;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_name"))
    @Column(name = "role_name", length = 16)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private Instant created;

    /** Whether the user set the password themselves ({@code PUT /api/me/password}): then no one else knows it. */
    @Column(name = "password_set_by_self", nullable = false)
    private boolean passwordSetBySelf;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String name, char[] password, Set<Role> roles, Instant now) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw StrongroomException.badRequest(
                    "A user name has 1 to 64 characters among letters, digits and . _ @ -", "name");
        }
        this.name = name;
        this.principalId = UUID.randomUUID().toString();
        this.created = Objects.requireNonNull(now);
        changePassword(password);
        changeRoles(roles);
    }

    /** Another user (an admin) sets the password: they know it. */
    public final void changePassword(char[] password) {
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw StrongroomException.badRequest("The password " + weakness, "password");
        }
        passwordHash = Passwords.hash(password);
        passwordSetBySelf = false;
    }

    /** The user changes their own password, proving the current one: from then on only they know it. */
    public void changeOwnPassword(char[] current, char[] password) {
        if (!passwordMatches(current)) {
            throw StrongroomException.badRequest("The current password is not the user's", "currentPassword");
        }
        changePassword(password);
        passwordSetBySelf = true;
    }

    public boolean passwordSetBySelf() {
        return passwordSetBySelf;
    }

    public final void changeRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw StrongroomException.badRequest("A user needs at least one role of " + Set.of(Role.values()), "roles");
        }
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public boolean passwordMatches(char[] password) {
        return Passwords.matches(password, passwordHash);
    }

    /** The version of this account's row: it grows with every change. */
    public long version() {
        return version;
    }

    public boolean isAdmin() {
        return roles.contains(Role.admin);
    }

    public String name() {
        return name;
    }

    /** The user's principal id; empty only for a user created before principal ids, until the next start. */
    public Optional<String> principalId() {
        return Optional.ofNullable(principalId);
    }

    /** Gives a user created before principal ids its own; does nothing when it has one. */
    public void assignPrincipalId() {
        if (principalId == null) {
            principalId = UUID.randomUUID().toString();
        }
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Instant created() {
        return created;
    }
}
