package org.dlbasis.runner.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dlbasis.golden.GoldenData;

/**
 * Course code as it is: the deeplearning.ai course's notebooks ({@code .ipynb}) and {@code .py}
 * files, served by the kit's course loader ({@code python3 -m dlbasis_protocol.course}, in
 * {@code adapters/python}) with no glue: the loader runs the files, maps the course's function
 * names to the protocol's operations and declares what they can do.
 *
 * <p>{@link #describe} loads the files once on their own and returns what the loader found (the
 * functions, the load's warnings, the note on the course's own formulas), or the one line that
 * says why nothing can be checked; {@link #open} is the implementation the suite runs.
 */
public final class CourseCode {
    /** How long the loader may take to describe the files (its own limit is 12 s for the whole load). */
    public static final long DESCRIBE_MILLIS = 30_000;

    private CourseCode() {}

    /**
     * What the loader says of some files.
     *
     * @param loaded whether something can be checked (the loader exited 0)
     * @param lines what it found and its warnings when loaded; else the one line saying why not
     */
    public record Description(boolean loaded, List<String> lines) {}

    /**
     * The kit's folder in this checkout.
     *
     * @return {@code adapters/python} under {@link GoldenData#projectRoot()}
     */
    public static Path kit() {
        return GoldenData.projectRoot().toAbsolutePath().resolve("adapters/python");
    }

    /**
     * The implementation that serves the files.
     *
     * @param files the notebooks and .py files, in the order they run
     * @param timeoutMillis the timeout per request (the handshake includes the load)
     * @return the implementation; the loader starts at the first call
     */
    public static ProtocolImplementation open(List<Path> files, long timeoutMillis) {
        return ProtocolImplementation.command(commandLine(kit(), files, false), timeoutMillis);
    }

    /**
     * Loads the files once with {@code --describe}, in a process group of its own that is killed,
     * with everything it started, when the load ends or after {@link #DESCRIBE_MILLIS}.
     *
     * @param files the notebooks and .py files
     * @return what the loader found, or why nothing can be checked
     */
    public static Description describe(List<Path> files) {
        Process p;
        try {
            p = LiveChildren.start(List.of("sh", "-c", commandLine(kit(), files, true)));
            p.getOutputStream().close();
        } catch (IOException e) {
            return new Description(false, List.of("cannot start sh -c python3: " + e.getMessage()));
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(DESCRIBE_MILLIS, TimeUnit.MILLISECONDS)) {
                return new Description(
                        false, List.of("loading took longer than " + DESCRIBE_MILLIS / 1000 + " s and was stopped"));
            }
            if (p.exitValue() == 0) {
                return new Description(true, lines(out.join()));
            }
            List<String> why = lines(err.join());
            String last = why.isEmpty() ? "the loader exited with status " + p.exitValue() : why.get(why.size() - 1);
            return new Description(false, List.of(last.replaceFirst("^course: ", "")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Description(false, List.of("interrupted while loading"));
        } finally {
            LiveChildren.kill(p); // its process group too: nothing the course code started outlives the load
        }
    }

    /**
     * The shell command line that runs the loader on the files, with the kit on PYTHONPATH.
     *
     * @param kit the folder that holds {@code dlbasis_protocol}
     * @param files the files, each checked to exist by the caller
     * @param describe whether to describe the files instead of serving them
     * @return the command line for {@code sh -c}
     */
    static String commandLine(Path kit, List<Path> files, boolean describe) {
        StringBuilder b = new StringBuilder("PYTHONPATH=")
                .append(quoted(kit.toString()))
                .append("${PYTHONPATH:+:$PYTHONPATH} exec python3 -m dlbasis_protocol.course");
        if (describe) {
            b.append(" --describe");
        }
        for (Path f : files) {
            b.append(' ').append(quoted(f.toAbsolutePath().toString()));
        }
        return b.toString();
    }

    /**
     * Whether a path can be course code: an existing .ipynb or .py file.
     *
     * @param file the path
     * @return null if it can, else why not
     */
    public static String unusable(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            return "no such file: " + file;
        }
        if (!name.endsWith(".ipynb") && !name.endsWith(".py")) {
            return "course code is a .ipynb notebook or a .py file, found " + file;
        }
        return null;
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                byte[] all = in.readNBytes(1 << 20);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return new String(all, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
