package org.dlbasis.wire;

import java.nio.file.Files;
import java.nio.file.Path;

/** The dlbasis checkout the tests run in: the first folder upwards that has spec/schema. */
final class ProjectRoot {
    private ProjectRoot() {}

    static Path get() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("spec/schema")) && Files.isDirectory(p.resolve("adapters/python"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "no dlbasis checkout above " + Path.of("").toAbsolutePath());
    }
}
