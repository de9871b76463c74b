package org.strongroom.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.KnownFields;
import org.strongroom.platform.StrongroomException;

/**
 * Reads a JSON request body strictly, before it is bound: it must be exactly one well-formed JSON value
 * (the binding layer would read the first value of {@code {}{}} and ignore the rest), no object may name a
 * field twice, and every field must be one the call knows — a typo such as {@code "targetPath"} for
 * {@code "target"} is refused naming the field it most likely meant, never silently ignored. Syntax errors
 * are told in plain words with their line and column ({@link JsonSyntax}).
 *
 * <p>The known fields are the components of the record the resource method binds the body to (their
 * {@link JsonbProperty} names), followed into nested records and lists of records. The syntax is checked
 * with a streaming pass first, so that deep nesting cannot exhaust the stack (the parser stops at 1000).
 * Every refusal is 400 {@code BadRequest}.
 */
@Provider
public class StrictJsonInput implements ContainerRequestFilter {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    private static final ClassValue<Map<String, RecordComponent>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            Map<String, RecordComponent> fields = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                fields.put(renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value(), component);
            }
            return fields;
        }
    };

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return;
        }
        try {
            check(body, bodyType());
        } catch (StrongroomException refused) {
            request.abortWith(ErrorResponses.of(refused.code(), refused.getMessage(), refused.target()));
        }
    }

    /**
     * Checks a request body: one JSON value, each object's fields named once, and (when {@code bodyType} is
     * a record, or a collection of them) no field the type does not know. {@link StrongroomException}
     * {@code BadRequest} says what is wrong; nothing else escapes, whatever the bytes (UntrustedJsonFuzzTest).
     */
    public static void check(byte[] body, Type bodyType) {
        checkSyntax(body);
        if (bodyType != null) {
            try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
                checkFields(reader.readValue(), bodyType, "");
            }
        }
    }

    /** One JSON value, each object's fields named once. */
    private static void checkSyntax(byte[] body) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            throw StrongroomException.badRequest("The request body is not valid JSON: the field '"
                                    + parser.getString() + "' appears twice in one object (" + JsonSyntax.where(parser.getLocation())
                                    + ")", parser.getString());
                        }
                    }
                    default -> { }
                }
            }
        } catch (JsonParsingException e) {
            throw StrongroomException.badRequest("The request body is not valid JSON: " + JsonSyntax.describe(e), "body");
        } catch (StrongroomException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException for unreadable input; a plain RuntimeException past the parser's nesting limit (1000).
            throw StrongroomException.badRequest("The request body is not valid JSON: " + JsonSyntax.describe(e), "body");
        }
    }

    /** The type the matched resource method binds the body to; null when it takes none. */
    private Type bodyType() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getParameters()) {
            boolean annotatedSource = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                annotatedSource |= NOT_THE_BODY.contains(annotation.annotationType());
            }
            if (!annotatedSource) {
                return parameter.getParameterizedType();
            }
        }
        return null;
    }

    /** Every field of every object bound to a record is a component of that record. */
    static void checkFields(JsonValue value, Type type, String where) {
        Class<?> raw = raw(type);
        if (value instanceof JsonObject object && raw != null && raw.isRecord()) {
            Map<String, RecordComponent> fields = FIELDS.get(raw);
            for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                RecordComponent component = fields.get(field.getKey());
                if (component == null) {
                    throw KnownFields.of(fields.keySet()).unknown(where, field.getKey(), "the request body");
                }
                checkFields(field.getValue(), component.getGenericType(), where + field.getKey() + ".");
            }
        } else if (value instanceof JsonArray array && raw != null && Collection.class.isAssignableFrom(raw)
                && type instanceof ParameterizedType collection) {
            String list = where.isEmpty() ? "" : where.substring(0, where.length() - 1);
            for (int i = 0; i < array.size(); i++) {
                checkFields(array.get(i), collection.getActualTypeArguments()[0], list + "[" + i + "].");
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain
                ? plain : null;
    }
}
