package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden files on the classpath are exactly the files of golden-data/, byte for byte. */
class GoldenDataTest {

    @Test
    void theListOfNamesIsTheJsonFilesOfGoldenData() {
        List<String> inTheRepository = GoldenData.files(GoldenData.projectRoot().resolve("golden-data")).stream()
                .map(p -> p.getFileName().toString())
                .toList();
        assertEquals(
                inTheRepository,
                GoldenData.FILE_NAMES,
                "GoldenData.FILE_NAMES must list every *.json file of golden-data/ (a jar cannot be listed)");
    }

    @Test
    void everyFileIsOnTheClasspathAsInTheRepository() throws IOException {
        for (String name : GoldenData.FILE_NAMES) {
            try (InputStream in = GoldenData.class.getResourceAsStream(GoldenData.RESOURCES + name)) {
                assertTrue(in != null, name + " is not on the classpath");
                byte[] expected = Files.readAllBytes(
                        GoldenData.projectRoot().resolve("golden-data").resolve(name));
                assertTrue(java.util.Arrays.equals(expected, in.readAllBytes()), name + " differs from golden-data/");
            }
        }
    }

    @Test
    void theClasspathFilesReadAsTheRepositoryFiles() {
        List<GoldenFile> fromClasspath = GoldenData.fromClasspath();
        assertEquals(
                GoldenData.FILE_NAMES,
                fromClasspath.stream().map(GoldenFile::name).toList());
        for (GoldenFile f : fromClasspath) {
            Path file = GoldenData.projectRoot().resolve("golden-data").resolve(f.name());
            GoldenFile read = GoldenFile.read(file);
            assertEquals(read.provenance(), f.provenance(), f.name());
            assertEquals(
                    read.cases().stream().map(GoldenCase::id).toList(),
                    f.cases().stream().map(GoldenCase::id).toList(),
                    f.name());
        }
    }

    @Test
    void anUnknownNameIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GoldenData.fromClasspath("generate.py"));
        assertTrue(e.getMessage().contains("activations.json"), e.getMessage());
    }
}
