package org.strongroom.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** Assertions on the refusals of domain rules, as REST answers them: a code and the field they name. */
public final class Refusals {

    private Refusals() {
    }

    /** {@code action} is refused as a bad request naming {@code target}. */
    public static StrongroomException assertBadRequest(String target, Runnable action) {
        StrongroomException refused = assertThrows(StrongroomException.class, action::run);
        assertEquals(ErrorCode.BadRequest, refused.code(), refused.getMessage());
        assertEquals(target, refused.target());
        return refused;
    }
}
