package org.strongroom.fuzz;

import java.util.Arrays;

/**
 * The property every fuzz test checks: a parser of untrusted bytes answers, or refuses with the one
 * exception type it documents — never another exception, an error or a hang. Anything else escapes to
 * Jazzer as a finding.
 */
final class Untrusted {

    @FunctionalInterface
    interface Parse {
        void run() throws Exception;
    }

    private Untrusted() {
    }

    @SafeVarargs
    static void refusesOnlyWith(Parse parse, Class<? extends Throwable>... documented) throws Exception {
        try {
            parse.run();
        } catch (Exception refused) {
            if (Arrays.stream(documented).noneMatch(type -> type.isInstance(refused))) {
                throw refused;
            }
        }
    }
}
