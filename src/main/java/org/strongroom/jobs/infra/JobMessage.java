package org.strongroom.jobs.infra;

import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.strongroom.jobs.domain.Job;
import org.strongroom.jobs.domain.JobOperation;

/**
 * The body of a job message on a job queue: a JSON {@code TextMessage}, never a serialized Java object.
 *
 * <pre>{"jobId":"5f0c...","operation":"Backup"}</pre>
 *
 * The message also carries the JMS string properties {@code jobId} and {@code operation}, so that
 * operators can browse and select without parsing. Documented in docs/jms.md.
 */
public record JobMessage(UUID jobId, JobOperation operation) {

    public static JobMessage of(Job job) {
        return new JobMessage(job.id(), job.operation());
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("jobId", jobId.toString())
                .add("operation", operation.name())
                .build()
                .toString();
    }

    /** Reads a delivered message; one that is not a job message fails with {@link IllegalArgumentException}. */
    public static JobMessage read(Message message, Function<String, Optional<JobOperation>> operations) {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("not a TextMessage");
        }
        try {
            return parse(text.getText(), operations);
        } catch (JMSException e) {
            throw new IllegalArgumentException("unreadable body: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a job message whose operation {@code operations} knows; a body that is not one fails with
     * {@link IllegalArgumentException}.
     */
    public static JobMessage parse(String body, Function<String, Optional<JobOperation>> operations) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message body");
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("body is not a JSON object: " + e.getMessage(), e);
        }
        UUID jobId = UUID.fromString(string(json, "jobId"));
        String name = string(json, "operation");
        JobOperation operation = operations.apply(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown operation \"" + name + "\""));
        return new JobMessage(jobId, operation);
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException("\"" + name + "\" is missing or not a string");
        }
        return text.getString();
    }
}
