package org.strongroom.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy. */
public final class Deployments {

    private Deployments() {
    }

    /** The real application, exactly as the build packaged it (target/strongroom.war). */
    public static WebArchive strongroom() {
        File war = new File(System.getProperty("strongroom.war", "target/strongroom.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
