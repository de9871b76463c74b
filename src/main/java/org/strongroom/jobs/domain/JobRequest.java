package org.strongroom.jobs.domain;

import java.io.StringReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.strongroom.platform.KnownFields;

/**
 * A job request from an outside JMS producer (API.md, "JMS"), e.g.
 * {@code {"operation":"Backup","vault":"v1","item":"files1","requestId":"r-17"}}. {@code requestId} makes
 * the request idempotent: a resend maps to the same job. Other string members are the operation's fields
 * (e.g. {@code item}, {@code keyUri}, {@code keyVaultSubscriptionId}); a member the operation does not know
 * is refused.
 */
public record JobRequest(JobOperation operation, String vault, String item, String requestId, String requestedBy,
                         Map<String, String> fields) {

    /** The members every request may carry; each operation adds its own ({@link #requireKnownFields}). */
    public static final Set<String> COMMON_FIELDS = Set.of("operation", "vault", "requestId", "requestedBy");

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /**
     * Parses a request body for one of the operations {@code operations} knows; {@link IllegalArgumentException}
     * says what is wrong with it.
     */
    public static JobRequest parse(String body, Function<String, Optional<JobOperation>> operations) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The request is empty: send a JSON object as a TextMessage");
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The request is not a JSON object");
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1000 with a plain RuntimeException.
            throw new IllegalArgumentException("The request is not a usable JSON object: " + e.getMessage());
        }
        String operationName = string(json, "operation", true);
        JobOperation operation = operations.apply(operationName)
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation '" + operationName + "'"));
        String requestId = string(json, "requestId", true);
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("requestId must be 1 to 200 letters, digits or . _ : @ -");
        }
        String requestedBy = string(json, "requestedBy", false);
        if (requestedBy != null && !NAME.matcher(requestedBy).matches()) {
            throw new IllegalArgumentException("requestedBy must be 1 to 64 letters, digits or . _ @ -");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> member : json.entrySet()) {
            if (member.getValue() instanceof JsonString text) {
                fields.put(member.getKey(), text.getString());
            } else if (member.getValue().getValueType() != JsonValue.ValueType.NULL) {
                throw new IllegalArgumentException("\"" + member.getKey() + "\" must be a string");
            }
        }
        return new JobRequest(operation, string(json, "vault", true), string(json, "item", false), requestId,
                requestedBy, Map.copyOf(fields));
    }

    /** Refuses a member that is neither common to all requests nor one of {@code operationFields}: never ignored. */
    public void requireKnownFields(Set<String> operationFields) {
        Set<String> known = new HashSet<>(COMMON_FIELDS);
        known.addAll(operationFields);
        KnownFields fields = KnownFields.of(known);
        for (String name : this.fields.keySet()) {
            fields.require("", name, "the " + operation + " request");
        }
    }

    /** A field of the request, or {@code null}. */
    public String field(String name) {
        return fields.get(name);
    }

    private static String string(JsonObject json, String name, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new IllegalArgumentException("\"" + name + "\" is required");
            }
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a non-empty string");
        }
        return text.getString();
    }
}
