package org.dlbasis.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the golden files are.
 *
 * <p>On the classpath, for everyone: the {@code dlbasis-golden} jar ships every file of
 * {@code golden-data/} under {@value #RESOURCES}; {@link #fromClasspath()} reads them all. A jar
 * cannot be listed, so their names are {@link #FILE_NAMES} (a test keeps that list equal to the
 * {@code *.json} files of {@code golden-data/}).
 *
 * <p>In a clone of dlbasis, as files: {@link #directory()} is {@code -Ddlbasis.golden=<dir>}, else
 * {@code golden-data} under the {@link #projectRoot() project root}; the CLI reads that directory
 * (so {@code -Ddlbasis.golden} points it at other files), and so do the tests that regenerate the
 * files with {@code generate.py}.
 */
public final class GoldenData {

    /** The classpath folder of the golden files. */
    public static final String RESOURCES = "/org/dlbasis/golden/data/";

    /** The name of every golden file on the classpath, sorted. */
    public static final List<String> FILE_NAMES = List.of(
            "activations.json",
            "arrays.json",
            "broadcast.json",
            "deep.json",
            "logistic.json",
            "loss.json",
            "network.json",
            "note-examples.json");

    private GoldenData() {}

    /**
     * Every golden file shipped on the classpath, read and validated ({@link GoldenFile#read}).
     *
     * @return the files, in the order of {@link #FILE_NAMES}
     * @throws IllegalStateException if a file is not on the classpath (dlbasis-golden is missing)
     * @throws org.dlbasis.wire.JsonFormatException if a file is malformed
     */
    public static List<GoldenFile> fromClasspath() {
        return FILE_NAMES.stream().map(GoldenData::fromClasspath).toList();
    }

    /**
     * One golden file of {@link #FILE_NAMES}, from the classpath, read and validated.
     *
     * @param name the file name, e.g. {@code "activations.json"}
     * @return the file
     * @throws IllegalArgumentException if {@code name} is not one of {@link #FILE_NAMES}
     * @throws IllegalStateException if it is not on the classpath (dlbasis-golden is missing)
     * @throws org.dlbasis.wire.JsonFormatException if it is malformed
     */
    public static GoldenFile fromClasspath(String name) {
        if (!FILE_NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "no golden file \"" + name + "\" (the files: " + String.join(", ", FILE_NAMES) + ")");
        }
        try (InputStream in = GoldenData.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the golden file " + name + " is not on the classpath at " + RESOURCES
                        + name + ": add org.dlbasis:dlbasis-golden to the test dependencies");
            }
            // GoldenFile reads files; a resource may sit in a jar, so it is read through a private copy
            Path dir = Files.createTempDirectory("dlbasis-golden");
            Path copy = dir.resolve(name);
            try {
                Files.copy(in, copy);
                return GoldenFile.read(copy);
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the golden file " + name + " from the classpath", e);
        }
    }

    /**
     * The golden files as a directory, in a clone of dlbasis (the CLI reads them from there).
     *
     * @return {@code -Ddlbasis.golden=<dir>}, else {@code golden-data} under {@link #projectRoot()}
     */
    public static Path directory() {
        String explicit = System.getProperty("dlbasis.golden");
        if (explicit != null) {
            return Paths.get(explicit);
        }
        return projectRoot().resolve("golden-data");
    }

    /**
     * The dlbasis checkout this code runs in.
     *
     * @return {@code -Ddlbasis.root}, else the nearest folder upwards from the working directory
     *     that has {@code golden-data/} and {@code spec/SPEC.md}, else {@code .}
     */
    public static Path projectRoot() {
        String root = System.getProperty("dlbasis.root");
        if (root != null) {
            return Paths.get(root);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("golden-data")) && Files.isRegularFile(p.resolve("spec/SPEC.md"))) {
                return p;
            }
        }
        return Paths.get(".");
    }

    /**
     * Every golden file of a directory.
     *
     * @param directory a directory such as {@link #directory()}
     * @return its {@code *.json} files, sorted by name
     * @throws IllegalStateException if there is none
     * @throws UncheckedIOException if it cannot be listed
     */
    public static List<Path> files(Path directory) {
        try (Stream<Path> s = Files.list(directory)) {
            List<Path> files =
                    s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("no golden files (*.json) in " + directory.toAbsolutePath());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list golden files in " + directory.toAbsolutePath(), e);
        }
    }
}
