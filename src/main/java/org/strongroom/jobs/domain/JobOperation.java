package org.strongroom.jobs.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a job does, by its public name (API.md: {@code Backup}, {@code UpdateEncryptionKey}, …). The jobs
 * component knows no operation of its own: each business component declares its operations
 * ({@link org.strongroom.jobs.app.OperationRegistration}) and the handlers that run them.
 */
public record JobOperation(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z]{1,31}");

    public JobOperation {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An operation's name is 2 to 32 letters, the first a capital: " + name);
        }
    }

    public static JobOperation of(String name) {
        return new JobOperation(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
