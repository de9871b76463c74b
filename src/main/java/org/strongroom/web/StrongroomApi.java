package org.strongroom.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, rooted at {@code /api}; resources and providers are discovered by scanning. */
@ApplicationPath("/api")
public class StrongroomApi extends Application {
}
