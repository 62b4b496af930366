package fr.sesame.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one way tests get the application to deploy: the WAR the build just packaged, as shipped. */
public final class Deployments {

    private Deployments() {}

    public static File builtWar() {
        File war = new File(System.getProperty("sesame.war", "target/sesame.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war + ": integration tests run after `mvn package`");
        }
        return war;
    }

    public static WebArchive portal() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
    }
}
