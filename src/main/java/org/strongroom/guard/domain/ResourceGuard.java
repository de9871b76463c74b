package org.strongroom.guard.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.platform.StrongroomException;

/** A resource guard: its name and the user who owns it — the one who approves critical operations. */
@Entity
@Table(name = "resource_guard")
public class ResourceGuard {

    /** Names: 2 to 50 letters, digits or hyphens, as vault names. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{1,49}";

    @Id
    @Column(length = 50)
    private String name;

    @Column(nullable = false, length = 64)
    private String owner;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected ResourceGuard() {
        // for JPA
    }

    public ResourceGuard(String name, String owner, Instant now) {
        if (name == null || !name.matches(PATTERN)) {
            throw StrongroomException.badRequest("A resource guard's name has 2 to 50 letters, digits or hyphens", "resourceGuard");
        }
        this.name = name;
        this.owner = owner;
        this.created = now;
    }

    public boolean ownedBy(String user) {
        return owner.equals(user);
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public Instant created() {
        return created;
    }
}
