package org.strongroom.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

class PostgresSourceTest {

    @Test
    void jdbcUrl_namesHostPortAndDatabase_portDefaulting() {
        assertEquals(new PostgresSource("db.example", 6543, "shop"), PostgresSource.ofJdbcUrl("jdbc:postgresql://db.example:6543/shop"));
        assertEquals(new PostgresSource("10.0.0.7", 5432, "shop"), PostgresSource.ofJdbcUrl("jdbc:postgresql://10.0.0.7/shop"));
        assertEquals(new PostgresSource("[::1]", 5432, "shop"), PostgresSource.ofJdbcUrl("jdbc:postgresql://[::1]/shop"));
        assertEquals("jdbc:postgresql://db.example:5432/shop", new PostgresSource("db.example", 5432, "shop").jdbcUrl());
        assertEquals("::1", new PostgresSource("[::1]", 5432, "shop").libpqHost());
    }

    @Test
    void jdbcUrl_withParametersCredentialsOrAnotherScheme_isRefused() {
        for (String url : List.of("jdbc:postgresql://h/shop?user=a&password=b", "jdbc:mysql://h/shop", "postgresql://h/shop",
                "jdbc:postgresql://a:b@h/shop", "jdbc:postgresql://h:70000/shop", "jdbc:postgresql://h/", "jdbc:postgresql://h/a b")) {
            StrongroomException refused = assertThrows(StrongroomException.class, () -> PostgresSource.ofJdbcUrl(url), url);
            assertEquals(ErrorCode.UserErrorInvalidSource, refused.code(), url);
        }
    }

    @Test
    void names_areIdentifiersTheToolsTakeUnquoted() {
        assertTrue(PostgresSource.isName("shop_2026"));
        assertTrue(PostgresSource.isName("a".repeat(63)));
        assertFalse(PostgresSource.isName("a".repeat(64)));
        assertFalse(PostgresSource.isName("-shop"));
        assertFalse(PostgresSource.isName("shop;drop"));
        assertFalse(PostgresSource.isName("host=evil"));
        assertFalse(PostgresSource.isName(null));
        StrongroomException refused = assertThrows(StrongroomException.class, () -> new PostgresSource("h", 5432, "x y"));
        assertEquals("source.database", refused.target());
        assertEquals("source.host", assertThrows(StrongroomException.class, () -> new PostgresSource("h/x", 5432, "x")).target());
    }

    @Test
    void aPointsFiles_areNamedByTheDatabase() {
        PostgresSource shop = new PostgresSource("h", 5432, "shop");
        assertEquals("shop.dump", shop.dumpFile());
        assertEquals("shop.roles", shop.rolesFile());
    }

    @Test
    void sqlQuoting_doublesTheQuote() {
        assertEquals("\"we\"\"ird\"", PostgresConnection.identifier("we\"ird"));
        assertEquals("'it''s'", PostgresConnection.literal("it's"));
    }

    @Test
    void clients_areFoundByTheirMajorVersion_onlyWhereAllThreeToolsAre(@TempDir Path dir) throws IOException {
        Path complete = tools(dir.resolve("15/bin"), "15.10", "psql", "pg_dump", "pg_restore");
        tools(dir.resolve("16/bin"), "16.4", "psql", "pg_dump");
        Path newer = tools(dir.resolve("17/bin"), "17.2", "psql", "pg_dump", "pg_restore");
        var found = PostgresClients.find(List.of(dir.resolve("16/bin"), newer, complete, dir.resolve("missing")));
        assertEquals(List.of(15, 17), List.copyOf(found.keySet()));
        assertEquals(complete, found.get(15));
        assertEquals(newer, found.ceilingEntry(16).getValue());
    }

    /** Scripts standing in for installed tools: each answers {@code --version} as the real ones do. */
    private static Path tools(Path bin, String version, String... names) throws IOException {
        Files.createDirectories(bin);
        for (String name : names) {
            Path tool = bin.resolve(name);
            Files.writeString(tool, "#!/bin/sh\necho '" + name + " (PostgreSQL) " + version + "'\n");
            tool.toFile().setExecutable(true);
        }
        return bin;
    }
}
