package org.strongroom.web;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON binding without type coercion: the default binding turns {@code "region": 1} into the text "1"
 * and {@code "key_size": 2048.5} into 2048. Here a text field takes only a JSON string, a whole-number
 * field only a whole JSON number in range, and a yes/no field only {@code true} or {@code false}; anything
 * else is a {@link JsonbException}, which the API answers with 400 {@code BadRequest}.
 */
@Provider
public class StrictJsonBinding implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withDeserializers(
            new Text(), new WholeNumber(), new LongNumber(), new YesNo()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    private static JsonbException wrongType(String expected, JsonValue got) {
        return new JsonbException("expected " + expected + " but found " + switch (got.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "true/false";
            case NULL -> "null";
        });
    }

    private static BigDecimal whole(JsonParser parser) {
        JsonValue value = parser.getValue();
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw wrongType("a whole number", value);
        }
        return number.bigDecimalValue();
    }

    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (!(value instanceof JsonString text)) {
                throw wrongType("a string", value);
            }
            return text.getString();
        }
    }

    static final class WholeNumber implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return inRange(parser, BigDecimal::intValueExact);
        }
    }

    static final class LongNumber implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return inRange(parser, BigDecimal::longValueExact);
        }
    }

    /** A whole JSON number converted exactly, or a refusal when it does not fit. */
    private static <T> T inRange(JsonParser parser, Function<BigDecimal, T> exact) {
        BigDecimal number = whole(parser);
        try {
            return exact.apply(number);
        } catch (ArithmeticException e) {
            throw new JsonbException("a number out of range: " + number);
        }
    }

    static final class YesNo implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw wrongType("true or false", value);
            }
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
    }
}
