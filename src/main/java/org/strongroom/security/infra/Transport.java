package org.strongroom.security.infra;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which connections may carry credentials. HTTPS always; plain HTTP only from a loopback address, so that
 * the quickstart and local tools keep working on {@code http://localhost:8080} while a password sent from
 * another machine never counts. (A TLS-terminating proxy on the same machine is a loopback client: it
 * must be the only way in.)
 */
public final class Transport {

    /** HSTS for a year: browsers then use HTTPS for this host without trying plain HTTP first. */
    public static final String HSTS = "max-age=31536000";

    private Transport() {
    }

    public static boolean plainHttpAllowedFrom(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return false; // getByName would answer localhost
        }
        try {
            // A literal address from the connection: no name lookup happens.
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
