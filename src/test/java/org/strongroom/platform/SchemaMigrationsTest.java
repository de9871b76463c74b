package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Database migrations: every listed script exists and splits into statements. */
class SchemaMigrationsTest {

    @Test
    void statements_splitAtLineEndingSemicolonsAndSkipComments() {
        String script = "-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX i ON a (x);\n";
        assertEquals(List.of("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX i ON a (x)"),
                SchemaMigrations.statements(script));
    }

    @Test
    void statements_withoutFinalSemicolon_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> SchemaMigrations.statements("CREATE TABLE a (x INT)"));
    }

    @Test
    void everyListedScript_existsAndParses() {
        for (String script : SchemaMigrations.SCRIPTS) {
            var in = SchemaMigrations.class.getResourceAsStream("/META-INF/db/" + script);
            assertEquals(true, in != null, script);
        }
    }
}
