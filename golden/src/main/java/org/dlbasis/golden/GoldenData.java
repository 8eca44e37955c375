package org.dlbasis.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the golden files are: {@code -Ddlbasis.golden=<dir>}, else {@code golden-data} under the
 * project root ({@code -Ddlbasis.root}, else the nearest folder upwards from the working directory
 * that has a {@code golden-data} folder).
 */
public final class GoldenData {
    private GoldenData() {
    }

    public static Path directory() {
        String explicit = System.getProperty("dlbasis.golden");
        if (explicit != null) {
            return Paths.get(explicit);
        }
        return projectRoot().resolve("golden-data");
    }

    /** The dlbasis checkout this code runs in. */
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

    /** Every {@code *.json} file of the directory, sorted by name; fails if there is none. */
    public static List<Path> files(Path directory) {
        try (Stream<Path> s = Files.list(directory)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("no golden files (*.json) in " + directory.toAbsolutePath());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list golden files in " + directory.toAbsolutePath(), e);
        }
    }
}
