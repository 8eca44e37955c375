package org.dlbasis.runner.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing report files safely. A report is written to a temporary file in the same folder and
 * moved into place: a reader never sees half a report, a symbolic link at the report's path is
 * replaced rather than followed (its target is never overwritten), and an interrupted write
 * leaves the previous report intact.
 */
public final class ReportFiles {
    private ReportFiles() {}

    /**
     * Checks, before a run, that reports can be written to {@code dir}: creates it if needed, and
     * writes and deletes a probe file.
     *
     * @param dir the folder the reports will go to
     * @throws IOException with a message that names the folder and what is wrong with it
     */
    public static void checkWritable(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new NotDirectoryException(
                    dir + " exists and is not a folder; --report names the folder for the " + "report files");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".dlbasis-probe", ".tmp");
            Files.delete(probe);
        } catch (FileAlreadyExistsException e) {
            throw new NotDirectoryException(dir + ": " + e.getFile() + " is in the way (not a folder)");
        } catch (IOException e) {
            throw new IOException("cannot write reports to " + dir + ": " + e, e);
        }
    }

    /**
     * Writes {@code text} to {@code target} through a temporary file and an atomic move.
     *
     * @param target the file to write, replaced if it exists
     * @param text the content, written as UTF-8
     * @throws IOException if the file cannot be written
     */
    public static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
