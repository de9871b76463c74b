package org.strongroom.keyvault.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Key permissions an access policy grants, named as key vaults name them. */
public enum KeyPermission {
    GET("get"), LIST("list"), UPDATE("update"), CREATE("create"), IMPORT("import"), DELETE("delete"),
    RECOVER("recover"), PURGE("purge"), ROTATE("rotate"), WRAP_KEY("wrapKey"), UNWRAP_KEY("unwrapKey"),
    ENCRYPT("encrypt"), DECRYPT("decrypt"), SIGN("sign"), VERIFY("verify"), BACKUP("backup"), RESTORE("restore"),
    GET_ROTATION_POLICY("getrotationpolicy"), SET_ROTATION_POLICY("setrotationpolicy");

    /**
     * What a key vault's creator gets, as the portal's "Key Management" template gives it: every key
     * operation but the cryptographic ones ({@code wrapKey}, {@code unwrapKey}, {@code encrypt},
     * {@code decrypt}, {@code sign}, {@code verify}), which an explicit grant adds.
     */
    public static final Set<KeyPermission> KEY_MANAGEMENT = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(WRAP_KEY, UNWRAP_KEY, ENCRYPT, DECRYPT, SIGN, VERIFY)));

    private final String wireName;

    KeyPermission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The permission of a wire name; {@code IllegalArgumentException} naming the valid ones otherwise. */
    public static KeyPermission of(String wireName) {
        for (KeyPermission permission : values()) {
            if (permission.wireName.equals(wireName)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("Unknown key permission '" + wireName + "'; one of "
                + Arrays.stream(values()).map(KeyPermission::wireName).collect(Collectors.joining(", ")));
    }
}
