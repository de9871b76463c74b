package org.strongroom.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.platform.ErrorCode;

/** The body of every error answer: {@code {"code","message","target"}}. */
@JsonbPropertyOrder({"code", "message", "target"})
public record ErrorBody(String code, String message, String target) {

    public static ErrorBody of(ErrorCode code, String message, String target) {
        return new ErrorBody(code.name(), message, target);
    }
}
