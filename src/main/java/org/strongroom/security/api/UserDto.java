package org.strongroom.security.api;

import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.strongroom.security.domain.UserAccount;

/** A user as the API shows it, with the principal id key-vault access policies name: never the password hash. */
@JsonbPropertyOrder({"name", "principalId", "roles", "created"})
public record UserDto(String name, String principalId, List<String> roles, Instant created) {

    public static UserDto of(UserAccount user) {
        return new UserDto(user.name(), user.principalId().orElse(null), user.roles().stream().map(Enum::name).sorted().toList(),
                user.created());
    }
}
