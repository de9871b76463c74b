package org.strongroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;

import org.junit.jupiter.api.Test;

/** A malformed JSON body is answered with what was expected and where (line and column). */
class JsonSyntaxTest {

    /** What the request filter says of {@code text}. */
    private static String told(String text) {
        RuntimeException problem = assertThrows(RuntimeException.class, () -> {
            try (JsonParser parser = Json.createParser(new StringReader(text))) {
                while (parser.hasNext()) {
                    parser.next();
                }
            }
        });
        return JsonSyntax.describe(problem);
    }

    @Test
    void trailingComma_saysWhatWasExpectedAndWhere() {
        assertEquals("at line 1, column 8: expected a \"quoted\" string but found '}'", told("{\"a\":1,}"));
    }

    @Test
    void lineAndColumn_countFromTheStartOfTheLine() {
        assertEquals("at line 2, column 5: expected ',' but found a \"quoted\" string", told("{\"a\":1\n  \"b\":1}"));
    }

    @Test
    void singleQuotes_pointToDoubleQuotes() {
        assertEquals("at line 1, column 2: unexpected ''' (JSON strings and field names take double quotes)",
                told("{'a':1}"));
    }

    @Test
    void missingValue_listsWhatAValueMayBe() {
        assertEquals("at line 1, column 6: expected a value (a \"quoted\" string, a number, an object, an array, true, false "
                + "or null) but found '}'", told("{\"a\":}"));
    }

    @Test
    void truncatedBody_saysItEndsTooEarly() {
        assertEquals("the body ends before the JSON value is complete", told("{\"a\":"));
    }

    @Test
    void secondValue_isRefusedAsMoreThanOne() {
        assertEquals("at line 1, column 3: found '{' after the end of the JSON value: send one value only", told("{}{}"));
    }

    @Test
    void misspeltLiteral_namesTheCharacterThatBreaksIt() {
        assertEquals("at line 1, column 8: unexpected 'x'", told("{\"a\":trxe}"));
    }
}
