package org.strongroom.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.crypto.Passwords;
import org.strongroom.platform.StrongroomException;

/**
 * An application that calls the key vaults on its own: it signs in at the token endpoint with its
 * application (client) id and a client secret, and uses keys only as far as access policies naming its
 * principal id allow — it has no role. The secret is shown once, when made, and kept as a bcrypt hash.
 */
@Entity
@Table(name = "service_principal")
public class ServicePrincipal {

    public static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,119}");

    /** How long a client secret is valid when the request does not say (Azure's default for new secrets). */
    public static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofDays(180);

    /** The longest a client secret may be valid (Azure's limit). */
    public static final Duration MAX_SECRET_LIFETIME = Duration.ofDays(730);

    static final int SECRET_LENGTH = 40;

    @Id
    @Column(name = "app_id", length = 36)
    private String appId;

    @Column(name = "principal_id", nullable = false, length = 36, unique = true)
    private String principalId;

    @Column(name = "display_name", nullable = false, length = 120, unique = true)
    private String displayName;

    @Column(name = "secret_hash", nullable = false, length = 100)
    private String secretHash;

    @Column(name = "secret_hint", nullable = false, length = 8)
    private String secretHint;

    @Column(name = "secret_expires", nullable = false)
    private Instant secretExpires;

    @Column(nullable = false)
    private Instant created;

    @Version
    @Column(name = "row_version")
    private long version;

    protected ServicePrincipal() {
        // for JPA
    }

    private ServicePrincipal(String displayName, Instant now) {
        if (displayName == null || !DISPLAY_NAME.matcher(displayName).matches()) {
            throw StrongroomException.badRequest("A display name has 1 to 120 characters among letters, digits, "
                    + "spaces and . _ -, starting with a letter or digit", "displayName");
        }
        this.appId = UUID.randomUUID().toString();
        this.principalId = UUID.randomUUID().toString();
        this.displayName = displayName;
        this.created = Objects.requireNonNull(now);
    }

    /** A new service principal and its first client secret, valid for {@code secretLifetime}. */
    public static Created create(String displayName, Duration secretLifetime, Instant now) {
        ServicePrincipal principal = new ServicePrincipal(displayName, now);
        return new Created(principal, principal.newSecret(secretLifetime, now));
    }

    /** Replaces the client secret: the old one stops working at once. */
    public char[] newSecret(Duration lifetime, Instant now) {
        Duration valid = lifetime == null ? DEFAULT_SECRET_LIFETIME : lifetime;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(MAX_SECRET_LIFETIME) > 0) {
            throw StrongroomException.badRequest("A client secret is valid for 1 to " + MAX_SECRET_LIFETIME.toDays() + " days",
                    "secretValidDays");
        }
        char[] secret = Passwords.generate(SECRET_LENGTH);
        secretHash = Passwords.hash(secret);
        secretHint = new String(secret, 0, 3);
        secretExpires = now.plus(valid);
        return secret;
    }

    /** Whether {@code secret} is this principal's client secret and has not expired at {@code now} (checked in that order, always at a bcrypt's cost). */
    public boolean secretMatches(char[] secret, Instant now) {
        return Passwords.matches(secret, secretHash) && now.isBefore(secretExpires);
    }

    public boolean secretExpired(Instant now) {
        return !now.isBefore(secretExpires);
    }

    public String appId() {
        return appId;
    }

    public String principalId() {
        return principalId;
    }

    public String displayName() {
        return displayName;
    }

    public String secretHint() {
        return secretHint;
    }

    public Instant secretExpires() {
        return secretExpires;
    }

    public Instant created() {
        return created;
    }

    /** A service principal just made, with its client secret in clear: the only time it is. */
    public record Created(ServicePrincipal principal, char[] secret) {
    }
}
