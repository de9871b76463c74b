package org.strongroom.restore.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The tool's help and docs/recovery.md name the same commands and options. */
class RecoveryToolHelpTest {

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]+");
    private static final Pattern COMMAND = Pattern.compile("strongroom-recover\\.jar (\\w+)");

    private static String help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RecoveryTool.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(RecoveryTool.OK, exit);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> all(Pattern pattern, String text, int group) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    @Test
    void helpAndRecoveryGuide_nameTheSameOptions_andEveryCommandOfTheGuideIsInTheHelp() throws Exception {
        String help = help();
        String guide = Files.readString(Path.of("docs", "recovery.md"));
        Set<String> helpOptions = all(OPTION, help, 0);
        helpOptions.remove("--help");
        assertEquals(helpOptions, all(OPTION, toolLines(guide), 0), "options of the help (left) and of docs/recovery.md (right)");
        Set<String> commands = all(COMMAND, guide, 1);
        assertEquals(Set.of("list", "recover", "unseal"), commands, "the guide shows every command");
        for (String command : commands) {
            assertTrue(help.contains("  " + command + " "), "the help explains " + command);
        }
    }

    /** The guide's command lines of the tool (continuation lines joined) and its bullets about options. */
    private static String toolLines(String guide) {
        StringBuilder lines = new StringBuilder();
        for (String line : guide.replace("\\\n", " ").split("\n")) {
            if (line.contains("strongroom-recover.jar") || line.startsWith("- `--") || line.startsWith("  with")) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    @Test
    void unknownCommand_isAUsageErrorThatShowsTheHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RecoveryTool.run(new String[] {"restore"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(RecoveryTool.USAGE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown command 'restore'"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("list --store DIR"));
    }
}
