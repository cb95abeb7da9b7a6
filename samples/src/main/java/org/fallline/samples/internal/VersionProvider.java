package org.fallline.samples.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code --version}: the jar manifest's Implementation-Version when the program
 * runs from the shaded jar, else the version Maven wrote into {@code version.properties}.
 */
public final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "/org/fallline/samples/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"fallline " + version(), "Java " + Runtime.version()};
    }

    /** The program's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
