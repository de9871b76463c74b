package org.strongroom.postgresql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.platform.Settings;

/**
 * The PostgreSQL client tools installed on this server, by major version: directories holding {@code psql},
 * {@code pg_dump} and {@code pg_restore} ({@code STRONGROOM_POSTGRESQL_CLIENTS}, else Debian's
 * {@code /usr/lib/postgresql/N/bin}, the PGDG {@code /usr/pgsql-N/bin} and the {@code PATH}). A connection uses
 * the tools of the database server's own major version, else the oldest newer one ({@code pg_dump} reads older
 * servers, never newer ones).
 */
@ApplicationScoped
public class PostgresClients {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static final List<String> TOOLS = List.of("psql", "pg_dump", "pg_restore");

    @Inject
    Settings settings;

    private volatile NavigableMap<Integer, Path> installed;

    /**
     * Connects to {@code source}'s server as {@code user} (with {@code password}, null for none): learns its
     * version — in the maintenance database, so that a restore still connects once the source database is
     * gone — and picks the tools that fit it. The connection keeps a copy of the password until closed.
     */
    public PostgresConnection connect(PostgresSource source, String user, char[] password) {
        NavigableMap<Integer, Path> clients = installed();
        if (clients.isEmpty()) {
            throw new PostgresException("No PostgreSQL client tools (psql, pg_dump, pg_restore) are installed on the "
                    + "Strongroom server: install them (Debian: apt-get install postgresql-client) or name their directory "
                    + "in STRONGROOM_POSTGRESQL_CLIENTS");
        }
        Map.Entry<Integer, Path> newest = clients.lastEntry();
        PostgresConnection probe = new PostgresConnection(source, user, password, newest.getValue());
        int serverMajor;
        try {
            List<String> versionNum = probe.query(PostgresConnection.MAINTENANCE_DATABASE, "SHOW server_version_num");
            if (versionNum.isEmpty() || !versionNum.get(0).trim().matches("\\d{5,6}")) {
                throw new PostgresException("The database server did not tell its version");
            }
            serverMajor = Integer.parseInt(versionNum.get(0).trim()) / 10000;
        } catch (PostgresException e) {
            probe.close();
            throw e;
        }
        Map.Entry<Integer, Path> fitting = clients.ceilingEntry(serverMajor);
        if (fitting == null) {
            probe.close();
            throw new PostgresException("The database server runs PostgreSQL " + serverMajor + "; the newest client "
                    + "tools on the Strongroom server are of version " + newest.getKey() + ", and pg_dump cannot read a newer "
                    + "server: install postgresql-client-" + serverMajor);
        }
        if (fitting.getKey().equals(newest.getKey())) {
            return probe.forServer(serverMajor);
        }
        probe.close();
        return new PostgresConnection(source, user, password, fitting.getValue()).forServer(serverMajor);
    }

    /** The installed clients by major version, found once. */
    NavigableMap<Integer, Path> installed() {
        NavigableMap<Integer, Path> known = installed;
        if (known == null) {
            known = find(candidates());
            installed = known;
        }
        return known;
    }

    private List<Path> candidates() {
        List<Path> configured = settings.postgresqlClientDirectories();
        if (!configured.isEmpty()) {
            return configured;
        }
        List<Path> found = new ArrayList<>();
        for (String pattern : List.of("/usr/lib/postgresql", "/usr")) {
            try (Stream<Path> dirs = Files.list(Path.of(pattern))) {
                dirs.filter(d -> pattern.equals("/usr/lib/postgresql") || d.getFileName().toString().startsWith("pgsql-"))
                        .map(d -> d.resolve("bin")).forEach(found::add);
            } catch (IOException e) {
                // not there: nothing to add
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isBlank()) {
                    found.add(Path.of(dir));
                }
            }
        }
        return found;
    }

    /** Each directory holding all three tools, by the major version {@code pg_dump --version} gives. */
    static NavigableMap<Integer, Path> find(List<Path> directories) {
        TreeMap<Integer, Path> byMajor = new TreeMap<>();
        for (Path dir : directories) {
            if (!TOOLS.stream().allMatch(tool -> Files.isExecutable(dir.resolve(tool)))) {
                continue;
            }
            Integer major = majorVersion(dir.resolve("pg_dump"));
            if (major != null) {
                byMajor.putIfAbsent(major, dir);
            }
        }
        return byMajor;
    }

    private static Integer majorVersion(Path pgDump) {
        try {
            Process process = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
