package io.deform4j.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of this build of deform4j and of what it trains with, and the machine it runs on,
 * read without starting anything: deform4j's from the jar manifest ({@code Implementation-Version}),
 * DJL's and the PyTorch (libtorch) version its engine binds from the properties files inside their
 * jars, Java's and the machine's from the JVM.
 *
 * @param deform4j the version, or {@value #DEVELOPMENT} when run from compiled classes
 * @param java     version and vendor of the JVM
 * @param djl      DJL's version, or null if its jar is not on the class path
 * @param pytorch  the libtorch version of DJL's PyTorch engine, or null
 * @param os       name, version and architecture
 * @param cores    processors available to the JVM
 */
public record Software(String deform4j, String java, String djl, String pytorch, String os, int cores) {

    /** deform4j's version when it does not run from its jar. */
    public static final String DEVELOPMENT = "development";

    /** This build and this machine. */
    public static Software current() {
        return new Software(deform4jVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                property("ai/djl/engine/api.properties", "djl_version"),
                property("pytorch-engine.properties", "pytorch_version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                Runtime.getRuntime().availableProcessors());
    }

    /** The version in the manifest of deform4j's jar, or {@value #DEVELOPMENT}. */
    public static String deform4jVersion() {
        String version = Software.class.getPackage().getImplementationVersion();
        return version == null ? DEVELOPMENT : version;
    }

    /** A key of a properties file on the class path, or null: no class of the library is loaded for it. */
    private static String property(String resource, String key) {
        try (InputStream in = Software.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (IOException e) {
            return null;
        }
    }
}
