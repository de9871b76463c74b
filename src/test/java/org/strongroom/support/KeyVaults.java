package org.strongroom.support;

/** Key vault request bodies for tests. */
public final class KeyVaults {

    private KeyVaults() {
    }

    /** A {@code PUT /api/keyvaults/{kv}} body in westeurope, with {@code extra} JSON members (",\"x\":1") appended. */
    public static String body(String extra) {
        return "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-1\",\"resourceGroup\":\"rg-keys\"" + extra + "}";
    }
}
