package org.strongroom.web;

import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.strongroom.platform.ErrorCode;

/**
 * Bean Validation failures at the edge: 400 {@code BadRequest}, the target being the offending field
 * (e.g. {@code region}) or parameter, and the message listing every violation.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(ConstraintViolationMapper::target))
                .toList();
        String message = violations.stream()
                .map(v -> target(v) + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        String target = violations.isEmpty() ? null : target(violations.get(0));
        return ErrorResponses.of(ErrorCode.BadRequest, message.isEmpty() ? "Invalid request" : message, target);
    }

    /**
     * The field or parameter a violation is about: the path after the method and parameter nodes, e.g.
     * {@code put.body.region} becomes {@code region} and {@code put.vault} becomes {@code vault}.
     */
    static String target(ConstraintViolation<?> violation) {
        StringBuilder target = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getName() != null) {
                        target.append(target.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return target.length() > 0 ? target.toString() : parameter;
    }
}
