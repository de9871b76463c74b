package org.strongroom.keyvault.domain;

import java.time.Instant;

/** The attributes a request sets on a key version; {@code null} means "not given". */
public record KeyAttributes(Boolean enabled, Instant notBefore, Instant expires) {

    public static final KeyAttributes NONE = new KeyAttributes(null, null, null);
}
