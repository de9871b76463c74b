package org.strongroom.security.api;

import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.security.domain.UserAccount;

/** A user as the API shows it: never the password hash. */
@JsonbPropertyOrder({"name", "roles", "created"})
public record UserDto(String name, List<String> roles, Instant created) {

    public static UserDto of(UserAccount user) {
        return new UserDto(user.name(), user.roles().stream().map(Enum::name).sorted().toList(), user.created());
    }
}
