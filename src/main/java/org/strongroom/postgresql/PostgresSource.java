package org.strongroom.postgresql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Where a {@code PostgreSQL} item's database lies: host, port and database name, written as a JDBC URL
 * ({@code jdbc:postgresql://host:port/database}). Names are plain identifiers — letters, digits, {@code _ $ . -},
 * at most 63 characters — so that they pass through the client tools' settings unquoted and unchanged.
 */
public record PostgresSource(String host, int port, String database) {

    public static final int DEFAULT_PORT = 5432;
    /** What a database or role name may be, as messages say it. */
    public static final String NAMES = "1 to 63 letters, digits or _ $ . - (not starting with $ . -)";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$.-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:\\[\\]]+|\\[[^]]+])(?::(\\d{1,5}))?/([^?#]*)");

    public PostgresSource {
        if (host == null || !HOST.matcher(host).matches()) {
            throw invalid("source.host must be a host name or IP address (IPv6 in brackets), not " + quoted(host),
                    "source.host");
        }
        if (port < 1 || port > 65535) {
            throw invalid("source.port must lie in 1..65535, not " + port, "source.port");
        }
        if (!isName(database)) {
            throw invalid("source.database must be " + NAMES + ", not " + quoted(database), "source.database");
        }
    }

    /** The source a JDBC URL names, {@code jdbc:postgresql://host[:port]/database} (no parameters). */
    public static PostgresSource ofJdbcUrl(String url) {
        Matcher m = url == null ? null : JDBC.matcher(url);
        if (m == null || !m.matches()) {
            throw invalid("source.jdbcUrl must read jdbc:postgresql://host[:port]/database (user and password in "
                    + "source.user and source.password, no URL parameters), not " + quoted(url), "source.jdbcUrl");
        }
        return new PostgresSource(m.group(1), m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2)), m.group(3));
    }

    /** Whether {@code name} is a database or role name as Strongroom passes it to the tools ({@link #NAMES}). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The file of a recovery point that holds the database's archive ({@code pg_dump}'s custom format). */
    public String dumpFile() {
        return database + ".dump";
    }

    /** The file of a recovery point that lists the roles the archive names, one per line. */
    public String rolesFile() {
        return database + ".roles";
    }

    /** Another database on the same server. */
    public PostgresSource withDatabase(String other) {
        return new PostgresSource(host, port, other);
    }

    /** The host as libpq takes it: an IPv6 address without its brackets. */
    String libpqHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return jdbcUrl();
    }

    static String quoted(String value) {
        return value == null ? "nothing" : "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }

    private static StrongroomException invalid(String message, String target) {
        return new StrongroomException(ErrorCode.UserErrorInvalidSource, message, target);
    }
}
