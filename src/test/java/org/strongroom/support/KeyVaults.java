package org.strongroom.support;

/** Key vault request bodies for tests. */
public final class KeyVaults {

    private KeyVaults() {
    }

    /** Every key permission, as an access policy's JSON list. */
    public static final String ALL_PERMISSIONS = "\"get\",\"list\",\"update\",\"create\",\"import\",\"delete\","
            + "\"recover\",\"purge\",\"rotate\",\"wrapKey\",\"unwrapKey\",\"encrypt\",\"decrypt\",\"sign\",\"verify\","
            + "\"backup\",\"restore\",\"getrotationpolicy\",\"setrotationpolicy\"";

    /**
     * Grants the user behind {@code api} every key permission on key vault {@code kv} (its own principal id,
     * from {@code /api/me}), through {@code admin}: for tests of the data plane itself, where the caller
     * is meant to hold them. No role holds them by itself.
     */
    public static void grantAll(Api admin, Api api, String kv) {
        String principal = api.get("/api/me").json().getString("principalId");
        Api.Response granted = admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + principal,
                "{\"permissions\":{\"keys\":[" + ALL_PERMISSIONS + "]}}");
        if (granted.status() != 200) {
            throw new IllegalStateException("Could not grant " + principal + " on " + kv + ": " + granted);
        }
    }

    /** A {@code PUT /api/keyvaults/{kv}} body in westeurope, with {@code extra} JSON members (",\"x\":1") appended. */
    public static String body(String extra) {
        return "{\"region\":\"westeurope\",\"subscriptionId\":\"sub-1\",\"resourceGroup\":\"rg-keys\"" + extra + "}";
    }
}
