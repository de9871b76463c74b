package org.strongroom.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Databases on the PostgreSQL server of the test run (127.0.0.1:5432, user postgres), made and read with
 * {@code psql} as an operator would: what the PostgreSQL workload's tests back up and compare.
 */
public final class SourceDatabases {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private SourceDatabases() {
    }

    /** Skips the test outside the PostgreSQL pass, saying where it runs. */
    public static void assumePostgresqlPass() {
        assumeTrue("postgresql".equals(System.getenv("STRONGROOM_DB_DRIVER")) && psql() != null,
                "runs in the PostgreSQL pass (mvn verify -Ppostgresql, with psql, pg_dump and pg_restore installed: "
                        + "apt-get install postgresql-client): it backs up and restores databases of that server");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** Runs {@code sql} in {@code database}; answers its rows ('|' between columns). */
    public static List<String> sql(String database, String sql) {
        Process psql = start(database, sql);
        try {
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(psql.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!psql.waitFor(120, TimeUnit.SECONDS) || psql.exitValue() != 0) {
                throw new IllegalStateException("psql failed on " + database + ": " + err + "\n" + sql);
            }
            return out.lines().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The single value {@code sql} answers. */
    public static String value(String database, String sql) {
        List<String> rows = sql(database, sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows + " from " + sql);
        }
        return rows.get(0);
    }

    /** Starts {@code sql} in {@code database} without waiting: a writer running beside a backup. */
    public static Process start(String database, String sql) {
        try {
            ProcessBuilder builder = new ProcessBuilder(psql().toString(), "-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                    "-h", HOST, "-p", Integer.toString(PORT), "-U", USER, "-d", database, "-c", sql);
            builder.environment().put("PGPASSWORD", PASSWORD);
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void create(String database) {
        sql("postgres", "CREATE DATABASE \"" + database + "\"");
    }

    public static void drop(String database) {
        sql("postgres", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    /** Ends every session in {@code database} (a killed psql's statement runs on in the server until then). */
    public static void disconnectAll(String database) {
        sql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    public static boolean exists(String database) {
        return !sql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isEmpty();
    }

    /** The newest installed psql, or null. */
    private static Path psql() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable)
                    .max((a, b) -> Integer.compare(major(a), major(b))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int major(Path psql) {
        return Integer.parseInt(psql.getParent().getParent().getFileName().toString().replaceAll("\\D", "0"));
    }
}
