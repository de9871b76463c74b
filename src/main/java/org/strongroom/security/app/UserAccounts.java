package org.strongroom.security.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.platform.Timestamps;
import org.strongroom.crypto.CredentialFingerprints;
import org.strongroom.crypto.Passwords;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.security.domain.Role;
import org.strongroom.security.domain.UserAccount;
import org.strongroom.security.domain.UserRepository;

/**
 * Manages users and checks credentials.
 *
 * <p>bcrypt makes a password check cost tens of milliseconds by design; HTTP Basic sends the password
 * on every request. Credentials that passed are therefore remembered for {@link #VERIFIED_FOR} by a
 * keyed fingerprint (never the password), with the version of the user's row they passed against: each
 * request reads that version (one primary-key lookup, no bcrypt), so a user deleted or changed on any server
 * of a cluster is refused on every server at once.
 */
@ApplicationScoped
public class UserAccounts {

    public static final String ADMIN = "admin";
    static final Duration VERIFIED_FOR = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = Logger.getLogger(UserAccounts.class.getName());

    /** A bcrypt hash of a random password, checked for unknown users so that they take as long as known ones. */
    private static final String DECOY_HASH = Passwords.hash(Passwords.generate(20));

    private final CredentialFingerprints fingerprints = new CredentialFingerprints();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String name, Set<Role> roles, long version, Instant until) {
    }

    /** The outcome of a successful password check. */
    public record Authenticated(String name, Set<Role> roles) {
    }

    @Inject
    UserRepository users;

    @Inject
    Instance<ProtectedAccounts> protectedAccounts;

    /** Creates the user or replaces its password and roles; true when created. */
    @Transactional
    public boolean put(String name, char[] password, Set<Role> roles) {
        Optional<UserAccount> existing = users.find(name);
        forgetVerified();
        if (existing.isEmpty()) {
            users.add(new UserAccount(name, password, roles, Timestamps.now()));
            return true;
        }
        UserAccount user = existing.get();
        requireNotProtected(name);
        if (user.isAdmin() && !roles.contains(Role.admin) && users.countAdmins() == 1) {
            throw StrongroomException.conflict("'" + name + "' is the last admin and must keep the admin role", "roles");
        }
        user.changePassword(password);
        user.changeRoles(roles);
        return false;
    }

    @Transactional
    public UserAccount get(String name) {
        return users.find(name).orElseThrow(() -> noSuchUser(name));
    }

    /** The principal id of the user {@code name}; empty when there is no such user. */
    @Transactional
    public Optional<String> principalIdOf(String name) {
        return users.find(name).flatMap(UserAccount::principalId);
    }

    /** Gives every user created before principal ids its own (at start). */
    @Transactional
    public void assignPrincipalIds() {
        users.all().forEach(UserAccount::assignPrincipalId);
    }

    @Transactional
    public List<UserAccount> list() {
        return users.all().stream().sorted(Comparator.comparing(UserAccount::name)).toList();
    }

    @Transactional
    public void delete(String name) {
        UserAccount user = users.find(name).orElseThrow(() -> noSuchUser(name));
        requireNotProtected(name);
        if (user.isAdmin() && users.countAdmins() == 1) {
            throw StrongroomException.conflict("'" + name + "' is the last admin and cannot be deleted", "users/" + name);
        }
        users.remove(user);
        forgetVerified();
    }

    /** Checks a name and password; empty when they do not match a user. Runs without a transaction. */
    public Optional<Authenticated> authenticate(String name, char[] password) {
        String fingerprint = fingerprints.of(name, password);
        Instant now = Timestamps.now();
        Verified known = verified.get(fingerprint);
        if (known != null && known.until().isAfter(now) && users.version(name).filter(v -> v == known.version()).isPresent()) {
            return Optional.of(new Authenticated(known.name(), known.roles()));
        }
        Optional<UserAccount> user = users.find(name);
        if (user.isEmpty()) {
            Passwords.matches(password, DECOY_HASH);
            return Optional.empty();
        }
        if (!user.get().passwordMatches(password)) {
            return Optional.empty();
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(fingerprint, new Verified(name, user.get().roles(), user.get().version(), now.plus(VERIFIED_FOR)));
        return Optional.of(new Authenticated(name, user.get().roles()));
    }

    /**
     * Creates the {@code admin} user on first start: with {@code password} when given, else with a
     * generated one, which it answers so that the caller keeps it where only the operator can read it —
     * never in the log. Does nothing when {@code admin} exists.
     */
    @Transactional
    public Optional<char[]> ensureAdmin(String password) {
        if (users.find(ADMIN).isPresent()) {
            return Optional.empty();
        }
        boolean generated = password == null || password.isEmpty();
        char[] secret = generated ? Passwords.generate(24) : password.toCharArray();
        String weakness = Passwords.weakness(secret);
        if (weakness != null) {
            throw new IllegalStateException("STRONGROOM_ADMIN_PASSWORD " + weakness);
        }
        users.add(new UserAccount(ADMIN, secret, Set.of(Role.admin), Timestamps.now()));
        if (generated) {
            return Optional.of(secret);
        }
        LOG.info("Created user 'admin' with the password from STRONGROOM_ADMIN_PASSWORD");
        return Optional.empty();
    }

    /** The signed-in user changes their own password (then no admin knows it). */
    @Transactional
    public void changeOwnPassword(String name, char[] current, char[] password) {
        users.find(name).orElseThrow(() -> noSuchUser(name)).changeOwnPassword(current, password);
        forgetVerified();
    }

    /** Refuses to change or delete an account another component keeps out of other users' reach. */
    private void requireNotProtected(String name) {
        for (ProtectedAccounts holder : protectedAccounts) {
            holder.reasonToProtect(name).ifPresent(reason -> {
                throw new StrongroomException(ErrorCode.UserErrorResourceGuardOwner, "User '" + name + "' " + reason
                        + ": only they can change their account (PUT /api/me/password)", "users/" + name);
            });
        }
    }

    private void forgetVerified() {
        verified.clear();
    }

    private static StrongroomException noSuchUser(String name) {
        return StrongroomException.notFound("No user named '" + name + "'", "users/" + name);
    }
}
