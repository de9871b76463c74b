package org.strongroom.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;

/**
 * Says in plain words what is wrong with a JSON text and where: the parser's own words
 * ({@code Invalid token=CURLYCLOSE at (line no=1, column no=13, offset=12). Expected tokens are: [STRING]})
 * become {@code at line 1, column 13: expected a "quoted" string but found '}'}; the column is that of the
 * offending token's last character.
 */
final class JsonSyntax {

    private static final Pattern INVALID_TOKEN = Pattern.compile("Invalid token=(\\w+) at .*Expected tokens are: \\[([A-Z, ]*)]");
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected char (-?\\d+) at [^,]*(?:, expecting '(.)')?");
    private static final Pattern EXPECTED_END = Pattern.compile("Expected EOF token, but got (\\w+)");
    private static final Pattern NESTING = Pattern.compile("too deeply nested (\\d+)");
    private static final List<String> ANY_VALUE = List.of("CURLYOPEN", "SQUAREOPEN", "STRING", "NUMBER", "TRUE", "FALSE", "NULL");

    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("CURLYOPEN", "'{'"), Map.entry("CURLYCLOSE", "'}'"),
            Map.entry("SQUAREOPEN", "'['"), Map.entry("SQUARECLOSE", "']'"),
            Map.entry("COLON", "':'"), Map.entry("COMMA", "','"),
            Map.entry("STRING", "a \"quoted\" string"), Map.entry("NUMBER", "a number"),
            Map.entry("TRUE", "true"), Map.entry("FALSE", "false"), Map.entry("NULL", "null"),
            Map.entry("EOF", "the end of the body"));

    private JsonSyntax() {
    }

    /** What is wrong, and at which line and column when the parser knows. */
    static String describe(RuntimeException problem) {
        String message = problem.getMessage() == null ? "" : problem.getMessage();
        String what = what(message);
        if (message.contains("Expected tokens are") && message.startsWith("Invalid token=EOF")) {
            return "the body ends before the JSON value is complete"; // the parser's location of an early end is not useful
        }
        if (problem instanceof JsonParsingException parsing && parsing.getLocation() != null) {
            return where(parsing.getLocation()) + ": " + what;
        }
        return what;
    }

    /** {@code line 1, column 13}. */
    static String where(JsonLocation location) {
        return "at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String what(String message) {
        Matcher token = INVALID_TOKEN.matcher(message);
        if (token.find()) {
            return "expected " + expected(token.group(2)) + " but found " + TOKENS.getOrDefault(token.group(1), token.group(1));
        }
        Matcher character = UNEXPECTED_CHAR.matcher(message);
        if (character.find()) {
            int code = Integer.parseInt(character.group(1));
            if (code < 0) {
                return "the body ends in the middle of a value";
            }
            String found = code < 32 ? "a control character (code " + code + ")" : "'" + (char) code + "'";
            String hint = code == '\'' ? " (JSON strings and field names take double quotes)" : "";
            return character.group(2) != null
                    ? "expected '" + character.group(2) + "' but found " + found
                    : "unexpected " + found + hint;
        }
        Matcher end = EXPECTED_END.matcher(message);
        if (end.find()) {
            return "found " + TOKENS.getOrDefault(end.group(1), end.group(1)) + " after the end of the JSON value: send one value only";
        }
        Matcher nesting = NESTING.matcher(message);
        if (nesting.find()) {
            return "it is nested deeper than " + nesting.group(1) + " levels";
        }
        if (message.contains("EOF")) {
            return "the body ends before the JSON value is complete";
        }
        return "it cannot be read as JSON";
    }

    private static String expected(String tokens) {
        List<String> names = Arrays.stream(tokens.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        if (names.containsAll(ANY_VALUE)) {
            return "a value (a \"quoted\" string, a number, an object, an array, true, false or null)";
        }
        return names.stream().map(t -> TOKENS.getOrDefault(t, t)).collect(Collectors.joining(" or "));
    }
}
