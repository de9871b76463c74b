package org.strongroom.guard.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A vault bound to a resource guard: its critical operations need the guard owner's approval. */
@Entity
@Table(name = "resource_guard_binding")
public class GuardBinding {

    @Id
    @Column(length = 50)
    private String vault;

    @Column(nullable = false, length = 50)
    private String guard;

    @Column(nullable = false)
    private Instant bound;

    @Column(name = "bound_by", nullable = false, length = 100)
    private String boundBy;

    protected GuardBinding() {
        // for JPA
    }

    public GuardBinding(String vault, String guard, String boundBy, Instant now) {
        this.vault = vault;
        this.guard = guard;
        this.boundBy = boundBy;
        this.bound = now;
    }

    /** Binds the vault to another guard (its old guard's owner approved the move). */
    public void rebind(String guard, String boundBy, Instant now) {
        this.guard = guard;
        this.boundBy = boundBy;
        this.bound = now;
    }

    public String vault() {
        return vault;
    }

    public String guard() {
        return guard;
    }

    public Instant bound() {
        return bound;
    }

    public String boundBy() {
        return boundBy;
    }
}
