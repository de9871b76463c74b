package org.strongroom.postgresql;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A database server reached with one user's credentials and the client tools that fit its version. Every
 * tool runs with the connection in its environment ({@code PGHOST}, {@code PGPASSWORD}, …), never on its
 * command line, never prompting, and never with a password file of the server's own account.
 */
public final class PostgresConnection implements Closeable {

    /** The database the server-wide statements (create, drop, rename a database) run in. */
    public static final String MAINTENANCE_DATABASE = "postgres";
    private static final int MESSAGE_LIMIT = 2000;

    private final PostgresSource source;
    private final String user;
    private final char[] password;
    private final Path bin;
    private int serverMajor;

    PostgresConnection(PostgresSource source, String user, char[] password, Path bin) {
        this.source = source;
        this.user = user;
        this.password = password == null ? null : password.clone();
        this.bin = bin;
    }

    PostgresConnection forServer(int major) {
        this.serverMajor = major;
        return this;
    }

    public PostgresSource source() {
        return source;
    }

    /** Runs {@code sql} in the source database; answers its rows, one line each, columns separated by '|'. */
    public List<String> query(String sql) {
        return query(source.database(), sql);
    }

    /** Runs {@code sql} in {@code database} of the same server. */
    public List<String> query(String database, String sql) {
        Tool psql = start(database, List.of("psql", "-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql), true);
        try (InputStream out = psql.process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            psql.finish("psql");
            List<String> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(line);
                }
            }
            return rows;
        } catch (IOException e) {
            throw psql.failed("psql", e);
        }
    }

    /** Whether the server has a database named {@code database}. */
    public boolean databaseExists(String database) {
        return !query(MAINTENANCE_DATABASE, "SELECT 1 FROM pg_database WHERE datname = " + literal(database)).isEmpty();
    }

    /** Dumps the source database's schema, and drops it: the user can connect, and may read and lock every table. */
    public void checkDumpable() {
        Tool schema = start(source.database(), List.of("pg_dump", "-w", "--schema-only", "--lock-wait-timeout=10000"), false,
                ProcessBuilder.Redirect.DISCARD);
        schema.finish("pg_dump");
    }

    public void createDatabase(String database) {
        query(MAINTENANCE_DATABASE, "CREATE DATABASE " + identifier(database));
    }

    /** Drops {@code database} if it exists, closing its sessions (PostgreSQL 13 and later). */
    public void dropDatabase(String database) {
        query(MAINTENANCE_DATABASE, "DROP DATABASE IF EXISTS " + identifier(database) + (serverMajor >= 13 ? " WITH (FORCE)" : ""));
    }

    public void renameDatabase(String from, String to) {
        query(MAINTENANCE_DATABASE, "ALTER DATABASE " + identifier(from) + " RENAME TO " + identifier(to));
    }

    /**
     * The roles the source database's objects name as owner or grantee (from {@code pg_shdepend}, which
     * records both), which a restore needs to exist; the bootstrap superuser's own objects are not recorded.
     */
    public List<String> rolesUsed() {
        return query("SELECT DISTINCT r.rolname FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid "
                + "WHERE d.refclassid = 'pg_authid'::regclass AND d.dbid = (SELECT oid FROM pg_database "
                + "WHERE datname = current_database()) ORDER BY 1");
    }

    /** Which of {@code roles} the server lacks. */
    public List<String> missingRoles(List<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        List<String> existing = query(MAINTENANCE_DATABASE, "SELECT rolname FROM pg_roles WHERE rolname IN ("
                + String.join(", ", roles.stream().map(PostgresConnection::literal).toList()) + ")");
        return roles.stream().filter(role -> !existing.contains(role)).toList();
    }

    /** Creates {@code role} without login and without password: it owns and is granted what the dump says. */
    public void createRole(String role) {
        query(MAINTENANCE_DATABASE, "CREATE ROLE " + identifier(role) + " NOLOGIN");
    }

    /**
     * Starts {@code pg_dump} of the source database in the custom format, uncompressed (the chunk pipeline
     * compresses, and unchanged tables then give unchanged chunks), in one consistent snapshot; the caller reads
     * the archive from {@link Dump#stream()} and then calls {@link Dump#finish()}.
     */
    public Dump dump() {
        return new Dump(start(source.database(), List.of("pg_dump", "-w", "--format=custom", "--compress=0",
                "--lock-wait-timeout=120000"), false));
    }

    /**
     * Restores into {@code database} (which exists) the archive {@code writer} writes to {@code pg_restore}'s
     * input, stopping at the first error.
     */
    public void restore(String database, ArchiveWriter writer) {
        Tool restore = start(database, List.of("pg_restore", "-w", "--exit-on-error", "--dbname=" + database), false,
                ProcessBuilder.Redirect.DISCARD);
        try (OutputStream in = restore.process.getOutputStream()) {
            writer.write(in);
        } catch (IOException e) {
            // pg_restore stopped reading: its exit status and message say why
            restore.finish("pg_restore");
            throw restore.failed("pg_restore", e);
        } catch (RuntimeException e) {
            restore.process.destroyForcibly();
            restore.discard();
            throw e;
        }
        restore.finish("pg_restore");
    }

    /** Writes an archive to {@code pg_restore}. */
    @FunctionalInterface
    public interface ArchiveWriter {
        void write(OutputStream in) throws IOException;
    }

    /** A running {@code pg_dump}. */
    public static final class Dump implements Closeable {

        private final Tool tool;
        private boolean finished;

        private Dump(Tool tool) {
            this.tool = tool;
        }

        public InputStream stream() {
            return tool.process.getInputStream();
        }

        /** Waits for {@code pg_dump} to end; refuses a dump that did not end well. */
        public void finish() {
            finished = true;
            tool.finish("pg_dump");
        }

        /** Stops a dump that was not read to its end. */
        @Override
        public void close() {
            if (!finished) {
                tool.process.destroyForcibly();
                tool.discard();
            }
        }
    }

    /** A tool's process, its error output going to a file read when it ends. */
    private record Tool(Process process, Path errors) {

        void finish(String name) {
            try {
                int status = process.waitFor();
                if (status != 0) {
                    throw new PostgresException(name + " failed (exit status " + status + "): " + message());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new PostgresException(name + " was interrupted");
            } finally {
                discard();
            }
        }

        PostgresException failed(String name, IOException e) {
            process.destroyForcibly();
            String said = message();
            discard();
            return new PostgresException(name + " failed: " + (said.isEmpty() ? e.getMessage() : said), e);
        }

        String message() {
            try {
                String text = Files.exists(errors) ? Files.readString(errors, StandardCharsets.UTF_8).strip() : "";
                return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + "…" : text;
            } catch (IOException e) {
                return "";
            }
        }

        void discard() {
            try {
                Files.deleteIfExists(errors);
            } catch (IOException e) {
                // a message file left in the temporary directory
            }
        }
    }

    private Tool start(String database, List<String> command, boolean query) {
        return start(database, command, query, ProcessBuilder.Redirect.PIPE);
    }

    private Tool start(String database, List<String> command, boolean query, ProcessBuilder.Redirect output) {
        List<String> line = new ArrayList<>(command);
        line.set(0, bin.resolve(command.get(0)).toString());
        Path errors = null;
        try {
            errors = Files.createTempFile("strongroom-pg-", ".err");
            ProcessBuilder builder = new ProcessBuilder(line).redirectError(errors.toFile()).redirectOutput(output);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("PG"));
            env.put("PGHOST", source.libpqHost());
            env.put("PGPORT", Integer.toString(source.port()));
            env.put("PGDATABASE", database);
            env.put("PGUSER", user);
            env.put("PGPASSFILE", "/dev/null");
            env.put("PGCONNECT_TIMEOUT", "15");
            env.put("PGAPPNAME", "strongroom");
            if (query) {
                env.put("PGOPTIONS", "-c statement_timeout=60000");
            }
            if (password != null) {
                env.put("PGPASSWORD", new String(password));
            }
            return new Tool(builder.start(), errors);
        } catch (IOException e) {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            throw new PostgresException("Could not run " + line.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** {@code name} as a quoted SQL identifier. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code value} as a quoted SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
