package org.strongroom.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The component map of docs/architecture.md is the code's: every import of one business component by
 * another is an arrow the table allows, and the arrows form no cycle. A new dependency changes the table
 * first, where a reader sees it.
 */
class ComponentDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/strongroom");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| .* \\| (.*) \\|$");
    private static final Pattern NAME = Pattern.compile("`(\\w+)`");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.strongroom\\.(\\w+)", Pattern.MULTILINE);

    /** The "may depend on" column of the components table. */
    private static Map<String, Set<String>> allowed() throws IOException {
        Map<String, Set<String>> allowed = new TreeMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            inTable |= line.startsWith("| package | role | may depend on |");
            Matcher row = ROW.matcher(line);
            if (inTable && row.matches()) {
                Set<String> targets = new TreeSet<>();
                NAME.matcher(row.group(2)).results().forEach(m -> targets.add(m.group(1)));
                allowed.put(row.group(1), targets);
            } else if (inTable && line.isBlank()) {
                break;
            }
        }
        return allowed;
    }

    /** Which components each component's main sources import. */
    private static Map<String, Set<String>> actual() throws IOException {
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root package-info
                }
                String component = relative.getName(0).toString();
                Set<String> used = actual.computeIfAbsent(component, c -> new TreeSet<>());
                IMPORT.matcher(Files.readString(file)).results().map(m -> m.group(1))
                        .filter(target -> !target.equals(component)).forEach(used::add);
            }
        }
        return actual;
    }

    @Test
    void everyComponent_importsOnlyWhatTheTableAllows() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        Map<String, Set<String>> actual = actual();
        assertEquals(actual.keySet(), allowed.keySet(), "every component has a row in docs/architecture.md");
        List<String> violations = new ArrayList<>();
        actual.forEach((component, used) -> used.stream().filter(target -> !allowed.get(component).contains(target))
                .forEach(target -> violations.add(component + " -> " + target)));
        assertEquals(List.of(), violations, "imports the components table does not allow");
    }

    @Test
    void theAllowedArrows_formNoCycle() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        for (String start : allowed.keySet()) {
            assertTrue(!reaches(allowed, start, start, new TreeSet<>()), start + " depends on itself through others");
        }
    }

    private static boolean reaches(Map<String, Set<String>> arrows, String from, String target, Set<String> seen) {
        for (String next : arrows.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(arrows, next, target, seen))) {
                return true;
            }
        }
        return false;
    }
}
