package org.strongroom.restore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strongroom.support.Refusals;

/** What a restore may name: selected paths inside the backed-up tree, and one target. */
class RestoreDomainTest {

    @Test
    void selectedPaths_areNormalisedRelativeAndWithoutDuplicates() {
        assertEquals(List.of(), RestorePaths.normalise(null));
        assertEquals(List.of("docs", "a/b"), RestorePaths.normalise(List.of("/docs/", "a//b", "docs")));
        assertEquals(List.of("x"), RestorePaths.normalise(List.of("x")));
    }

    @Test
    void selectedPaths_leavingTheTreeOrEmpty_areRefused() {
        for (String bad : new String[] {"", " ", "..", "a/../b", "./a", "a/.", "/", "a\0b", "x".repeat(4097)}) {
            Refusals.assertBadRequest("paths", () -> RestorePaths.normalise(List.of(bad)));
        }
        Refusals.assertBadRequest("paths", () -> RestorePaths.normalise(Collections.singletonList(null)));
        assertEquals(4096, RestorePaths.normalise(List.of("y".repeat(4096))).get(0).length());
    }

    @Test
    void atMostAThousandPaths_inOneRestore() {
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add("f" + i);
        }
        assertEquals(1000, RestorePaths.normalise(thousand).size());
        thousand.add("one-more");
        Refusals.assertBadRequest("paths", () -> RestorePaths.normalise(thousand));
    }

    @Test
    void aSelectedPath_coversItselfAndWhatLiesBelow_only() {
        assertTrue(RestorePaths.covers("docs", "docs"));
        assertTrue(RestorePaths.covers("docs", "docs/a.txt"));
        assertFalse(RestorePaths.covers("docs", "docs2/a.txt"));
        assertFalse(RestorePaths.covers("docs/a.txt", "docs"));
    }

    @Test
    void target_namesAPathADatabaseOrTheOriginalLocation_oneOfThem() {
        assertEquals(new RestoreTarget("/r", null, false), RestoreTarget.of("/r", null, null));
        assertEquals(new RestoreTarget(null, "shop_2", false), RestoreTarget.of(null, "shop_2", null));
        assertEquals(new RestoreTarget(null, null, true), RestoreTarget.of(null, null, true));
        Refusals.assertBadRequest("target", () -> RestoreTarget.of("/r", null, true));
        Refusals.assertBadRequest("target", () -> RestoreTarget.of("/r", "shop_2", null));
        Refusals.assertBadRequest("target", () -> RestoreTarget.of(null, "shop_2", true));
        Refusals.assertBadRequest("target.path", () -> RestoreTarget.of(null, null, false));
        Refusals.assertBadRequest("target.path", () -> RestoreTarget.of(" ", null, null));
        Refusals.assertBadRequest("target", () -> RestoreTarget.required(null));
        RestoreTarget target = RestoreTarget.of("/r", null, false);
        assertSame(target, RestoreTarget.required(target));
    }

    @Test
    void request_travelsAsJsonUnchanged() {
        RestoreRequest request = new RestoreRequest("rp-1", "/r", false, List.of("a", "b/c"), true, "des1");
        assertEquals(request, RestoreRequest.fromJson(request.toJson()));
        RestoreRequest plain = new RestoreRequest("rp-2", "/the/source", true, List.of(), false, null);
        assertEquals(plain, RestoreRequest.fromJson(plain.toJson()));
    }
}
