package org.strongroom.security.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plain HTTP is for loopback addresses only. */
class TransportTest {

    @Test
    void plainHttp_isForLoopbackAddressesOnly() {
        assertTrue(Transport.plainHttpAllowedFrom("127.0.0.1"));
        assertTrue(Transport.plainHttpAllowedFrom("127.10.0.3"));
        assertTrue(Transport.plainHttpAllowedFrom("0:0:0:0:0:0:0:1"));
        assertTrue(Transport.plainHttpAllowedFrom("::ffff:127.0.0.1"));
        assertFalse(Transport.plainHttpAllowedFrom("192.0.2.2"));
        assertFalse(Transport.plainHttpAllowedFrom("fd00::2"));
        assertFalse(Transport.plainHttpAllowedFrom("::ffff:10.0.0.1"));
    }

    @Test
    void unknownAddress_isNotLoopback() {
        assertFalse(Transport.plainHttpAllowedFrom(null));
        assertFalse(Transport.plainHttpAllowedFrom(""), "InetAddress.getByName(\"\") would answer localhost");
        assertFalse(Transport.plainHttpAllowedFrom("not an address"));
    }
}
