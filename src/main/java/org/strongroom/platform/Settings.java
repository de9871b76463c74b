package org.strongroom.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Server settings a deployer may change, read once from the environment at start-up
 * (docs/operations.md lists them).
 */
@ApplicationScoped
public class Settings {

    private String publicBaseUrl;
    private String tenantId;
    private Optional<String> keyVaultDomain;
    private boolean largeRsaKeysAllowed;
    private Set<String> timers;
    private List<Path> sourceRoots;
    private List<Path> restoreRoots;
    private boolean restoreRootsGiven;
    private Path storeDirectory;
    private Path tlsKeystore;
    private boolean tlsKeystoreGiven;
    private int httpsPort;
    private long keyRecheckBytes;
    private Duration keyRecheckInterval;
    private Duration keyManagerTimeout;
    private int keyManagerRetries;
    private Duration keyPollInterval;
    private List<Path> postgresqlClientDirectories;
    private Duration jobLease;

    @PostConstruct
    void read() {
        publicBaseUrl = normalise(env("STRONGROOM_PUBLIC_URL", "http://localhost:8080"));
        tenantId = env("STRONGROOM_TENANT_ID",
                UUID.nameUUIDFromBytes(("strongroom-tenant:" + publicBaseUrl).getBytes(StandardCharsets.UTF_8)).toString());
        keyVaultDomain = keyVaultDomain(env("STRONGROOM_KEYVAULT_DOMAIN", ""));
        largeRsaKeysAllowed = Boolean.parseBoolean(env("STRONGROOM_ALLOW_LARGE_RSA_KEYS", "false"));
        timers = timers(env("STRONGROOM_TIMERS", "on"));
        sourceRoots = roots(env("STRONGROOM_SOURCE_ROOTS", "/"));
        restoreRootsGiven = !env("STRONGROOM_RESTORE_ROOTS", "").isEmpty();
        restoreRoots = roots(env("STRONGROOM_RESTORE_ROOTS", defaultRestoreRoot(
                Path.of(System.getProperty("jboss.home.dir", "."))).toString()));
        storeDirectory = Path.of(env("STRONGROOM_STORE_DIR",
                Path.of(System.getProperty("jboss.server.data.dir", "."), "strongroom", "store").toString()));
        tlsKeystoreGiven = !env("STRONGROOM_TLS_KEYSTORE", "").isEmpty();
        tlsKeystore = Path.of(env("STRONGROOM_TLS_KEYSTORE",
                Path.of(System.getProperty("jboss.server.config.dir", "."), "strongroom", "tls.p12").toString()));
        httpsPort = Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        keyRecheckBytes = Long.parseLong(env("STRONGROOM_KEY_RECHECK_MIB", "256")) * 1024 * 1024;
        keyRecheckInterval = Duration.ofSeconds(Long.parseLong(env("STRONGROOM_KEY_RECHECK_SECONDS", "10")));
        keyManagerTimeout = Duration.ofSeconds(Long.parseLong(env("STRONGROOM_KEY_MANAGER_TIMEOUT_SECONDS", "10")));
        keyManagerRetries = Integer.parseInt(env("STRONGROOM_KEY_MANAGER_RETRIES", "3"));
        keyPollInterval = Duration.ofSeconds(Long.parseLong(env("STRONGROOM_KEY_POLL_SECONDS", "3600")));
        jobLease = Duration.ofSeconds(Long.parseLong(env("STRONGROOM_JOB_LEASE_SECONDS", "60")));
        if (jobLease.toSeconds() < 20) {
            throw new IllegalStateException("STRONGROOM_JOB_LEASE_SECONDS must be at least 20: leases are renewed every 10 seconds");
        }
        postgresqlClientDirectories = Arrays.stream(env("STRONGROOM_POSTGRESQL_CLIENTS", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(Path::of).toList();
    }

    /**
     * The chunk store: encrypted packs, manifests, each vault's wrapped data key, and the activity log's
     * last written head ({@code STRONGROOM_STORE_DIR}, default {@code ${jboss.server.data.dir}/strongroom/store}).
     */
    public Path storeDirectory() {
        return storeDirectory;
    }

    /**
     * The HTTPS listener's keystore ({@code STRONGROOM_TLS_KEYSTORE}, the operator's certificate; by default
     * {@code ${jboss.server.config.dir}/strongroom/tls.p12}, where WildFly generates a self-signed one at
     * first use). The same default is written in wildfly-config/45-tls.cli, which configures the listener.
     */
    public Path tlsKeystore() {
        return tlsKeystore;
    }

    /** Whether the operator gave the HTTPS keystore ({@code STRONGROOM_TLS_KEYSTORE}) rather than Strongroom's default. */
    public boolean tlsKeystoreGiven() {
        return tlsKeystoreGiven;
    }

    /** The HTTPS listener's port: {@code jboss.https.port} (8443) plus the server's port offset. */
    public int httpsPort() {
        return httpsPort;
    }

    /**
     * Where a client on another machine reaches {@code path} over HTTPS: under the public URL when that is
     * HTTPS, or else on the HTTPS port of the host the client named.
     */
    public String httpsUrl(String requestHost, String path) {
        return publicBaseUrl.startsWith("https:") ? publicBaseUrl + path : "https://" + requestHost + ":" + httpsPort + path;
    }

    /**
     * After how much data a running backup, restore or verify asks the key vault again whether the vault's
     * key still opens its data key ({@code STRONGROOM_KEY_RECHECK_MIB}, default 256).
     */
    /**
     * How long Strongroom waits for a remote key manager to connect and to answer one call
     * ({@code STRONGROOM_KEY_MANAGER_TIMEOUT_SECONDS}, default 10).
     */
    public Duration keyManagerTimeout() {
        return keyManagerTimeout;
    }

    /**
     * How often a call to a remote key manager is tried again after throttling (429), a server error (5xx) or
     * a lost connection, with jittered exponential backoff that honours {@code Retry-After}
     * ({@code STRONGROOM_KEY_MANAGER_RETRIES}, default 3).
     */
    public int keyManagerRetries() {
        return keyManagerRetries;
    }

    /**
     * How often the keys of remote key managers that vaults follow are asked for a new version
     * ({@code STRONGROOM_KEY_POLL_SECONDS}, default 3600: Azure Backup checks hourly).
     */
    /**
     * Directories holding PostgreSQL client tools ({@code psql}, {@code pg_dump}, {@code pg_restore}) of one
     * version each ({@code STRONGROOM_POSTGRESQL_CLIENTS}, colon-separated); empty: look in the usual places.
     */
    public List<Path> postgresqlClientDirectories() {
        return postgresqlClientDirectories;
    }

    public Duration keyPollInterval() {
        return keyPollInterval;
    }

    public long keyRecheckBytes() {
        return keyRecheckBytes;
    }

    /** ... or after how long, whichever comes first ({@code STRONGROOM_KEY_RECHECK_SECONDS}, default 10). */
    public Duration keyRecheckInterval() {
        return keyRecheckInterval;
    }

    /**
     * The directories under which protected items' sources may lie ({@code STRONGROOM_SOURCE_ROOTS},
     * colon-separated; default {@code /}), and a {@code Files} restore to its original location writes.
     */
    public List<Path> sourceRoots() {
        return sourceRoots;
    }

    /**
     * The directories under which restores may write ({@code STRONGROOM_RESTORE_ROOTS}, colon-separated;
     * default {@link #defaultRestoreRoot}).
     */
    public List<Path> restoreRoots() {
        return restoreRoots;
    }

    /** Whether the operator named the restore roots, rather than Strongroom's own default. */
    public boolean restoreRootsGiven() {
        return restoreRootsGiven;
    }

    /**
     * Strongroom's own restore directory: {@code strongroom-restores} beside the WildFly installation
     * ({@code target/strongroom-restores} for {@code mvn -Prun}), outside every server directory; never {@code /}.
     */
    public static Path defaultRestoreRoot(Path jbossHome) {
        Path home = jbossHome.toAbsolutePath().normalize();
        return (home.getParent() == null ? home : home.getParent()).resolve("strongroom-restores");
    }

    private static List<Path> roots(String colonSeparated) {
        return Arrays.stream(colonSeparated.split(":"))
                .filter(root -> !root.isBlank())
                .map(root -> FileSystemBoundaries.real(Path.of(root)))
                .toList();
    }

    /**
     * The tenant this server's identities belong to ({@code STRONGROOM_TENANT_ID}; by default a UUID
     * derived from the public URL, stable for an installation).
     */
    public String tenantId() {
        return tenantId;
    }

    /** This server's name in a cluster ({@code jboss.node.name}; WildFly makes it the host name unless given). */
    public static String node() {
        return System.getProperty("jboss.node.name", "strongroom");
    }

    /**
     * How long a job's runner holds it without a sign of life ({@code STRONGROOM_JOB_LEASE_SECONDS}, 60): every
     * server renews the lease of the jobs it runs every ten seconds, and takes over a job whose lease ran out
     * (its server died).
     */
    public Duration jobLease() {
        return jobLease;
    }

    /**
     * Whether the background timers run ({@code STRONGROOM_TIMERS}, {@code on} by default): scheduled
     * backups, retention and garbage collection every ten minutes, the purge of deleted keys, the written
     * activity-log head. Off for test servers, whose tests call that work themselves and count exactly.
     */
    public boolean timersEnabled() {
        return timers.contains(ALL_TIMERS);
    }

    /**
     * Whether the timer {@code name} runs: with all timers on, or when {@code STRONGROOM_TIMERS} names it
     * alone ({@code key-polling}: the polling of remote keys for new versions, which test servers run fast).
     */
    public boolean timerEnabled(String name) {
        return timers.contains(ALL_TIMERS) || timers.contains(name);
    }

    /** The timer that polls the keys of remote key managers ({@link #keyPollInterval()}). */
    public static final String KEY_POLLING_TIMER = "key-polling";
    private static final String ALL_TIMERS = "*";

    static Set<String> timers(String value) {
        String given = value.strip().toLowerCase(Locale.ROOT);
        return switch (given) {
            case "on" -> Set.of(ALL_TIMERS);
            case "off" -> Set.of();
            case KEY_POLLING_TIMER -> Set.of(KEY_POLLING_TIMER);
            default -> throw new IllegalStateException("STRONGROOM_TIMERS must be 'on', 'off' or '" + KEY_POLLING_TIMER
                    + "' (that timer alone), not '" + value + "'");
        };
    }

    /** Whether customer-managed keys may be RSA 3072 or 4096 as well as 2048 (the seed allows 2048 only). */
    public boolean largeRsaKeysAllowed() {
        return largeRsaKeysAllowed;
    }

    /**
     * Where clients reach this server, without a trailing slash, e.g. {@code http://localhost:8080}.
     * Key ids ({@code kid}) are built from it, so it must be stable: set {@code STRONGROOM_PUBLIC_URL}
     * to the address clients use before creating keys.
     */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /**
     * The domain under which each key vault answers at a host of its own, Azure Key Vault's way
     * ({@code STRONGROOM_KEYVAULT_DOMAIN}, e.g. {@code vault.strongroom.test}: key vault {@code kv1} at
     * {@code https://kv1.vault.strongroom.test:8443}); empty when not set, and key vaults answer under the
     * public URL only ({@code /api/keyvaults/{kv}}).
     */
    public Optional<String> keyVaultDomain() {
        return keyVaultDomain;
    }

    /**
     * The port of the key vault hosts: that of the public URL when it is HTTPS (none when 443), else the
     * HTTPS listener's.
     */
    public int keyVaultPort() {
        if (publicBaseUrl.startsWith("https:")) {
            int port = URI.create(publicBaseUrl).getPort();
            return port == -1 ? 443 : port;
        }
        return httpsPort;
    }

    static Optional<String> keyVaultDomain(String value) {
        String domain = value.strip().toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new IllegalStateException("STRONGROOM_KEYVAULT_DOMAIN must be a DNS name of two labels or more, "
                    + "e.g. vault.strongroom.test, not '" + value + "'");
        }
        return Optional.of(domain);
    }

    static String normalise(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalStateException("STRONGROOM_PUBLIC_URL must be an http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("STRONGROOM_PUBLIC_URL is not a URL: " + url, e);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
