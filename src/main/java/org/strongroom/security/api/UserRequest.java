package org.strongroom.security.api;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/users/{name}}: {@code {"password":"...","roles":["operator"]}}. */
public record UserRequest(@NotNull String password, @NotEmpty Set<String> roles) {
}
