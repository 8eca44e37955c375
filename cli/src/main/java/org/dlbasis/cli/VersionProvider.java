package org.dlbasis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code ./dlbasis --version}: the version of the build, kept in one place (the parent pom's
 * {@code <version>}). Maven writes it into {@code dlbasis-version.properties} next to this class
 * (resource filtering in {@code cli/pom.xml}), so it is right in the jar and when running from
 * {@code target/classes} alike.
 */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "dlbasis-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"dlbasis " + version()};
    }

    /**
     * The version this build was made from, such as {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}.
     *
     * @return the project's version
     * @throws IllegalStateException if the resource is missing or was not filtered (a build bug)
     */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String v = p.getProperty("version", "").strip();
        if (v.isEmpty() || v.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by Maven: version=" + v);
        }
        return v;
    }
}
