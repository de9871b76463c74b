package org.strongroom.web;

import java.util.List;

/** A collection answer: {@code {"value":[...]}}. */
public record ListDto<T>(List<T> value) {

    public static <T> ListDto<T> of(List<T> value) {
        return new ListDto<>(value);
    }
}
