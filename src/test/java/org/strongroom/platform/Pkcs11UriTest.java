package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys on PKCS#11 tokens named by RFC 7512 URIs. */
class Pkcs11UriTest {

    @Test
    void tokenAndObject_areRead_percentDecoded_andOtherAttributesAllowed() {
        assertEquals(Optional.of(new Pkcs11Uri("my token", "kek 1")),
                Pkcs11Uri.parse("pkcs11:token=my%20token;object=kek%201;id=%01;type=private"));
        assertEquals("pkcs11:token=my%20token;object=kek%201", new Pkcs11Uri("my token", "kek 1").uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11:object=kek", "pkcs11:token=t", "pkcs11:token=t;object=k?pin-value=1234",
            "pkcs11:token=t;token=u;object=k", "pkcs11:token=t;object=", "https://kv.vault.azure.net/keys/k", "pkcs11:token"})
    void uri_withoutTokenOrObject_orWithAPin_isNoKey(String uri) {
        assertTrue(Pkcs11Uri.parse(uri).isEmpty(), uri);
    }
}
