package org.dlbasis.properties.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Where the golden files are: {@code -Ddlbasis.golden=<dir>}, else {@code <dlbasis.root>/golden-data}. */
public final class GoldenData {
    private GoldenData() {
    }

    public static Path directory() {
        String explicit = System.getProperty("dlbasis.golden");
        if (explicit != null) {
            return Paths.get(explicit);
        }
        return Paths.get(System.getProperty("dlbasis.root", ".")).resolve("golden-data");
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
