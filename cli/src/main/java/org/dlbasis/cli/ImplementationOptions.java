package org.dlbasis.cli;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.runner.protocol.CourseCode;
import org.dlbasis.runner.protocol.ProtocolImplementation;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.suite.ImplementationFailure;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that choose the implementation, shared by every command: {@code --impl reference}
 * (the default), {@code java:<class>} (a class with a public no-argument constructor, looked up on
 * {@code --classpath} and run in a child JVM, see {@link ProtocolImplementation#javaClass}), {@code cmd:'<command line>'} (a program speaking spec/PROTOCOL.md, with
 * a per-request {@code --timeout}), or {@code course:<file>} (the course's notebooks and .py files as
 * they are, several separated by the path separator, see {@link CourseCode}).
 */
final class ImplementationOptions {
    @Option(
            names = "--impl",
            paramLabel = "IMPL",
            defaultValue = "reference",
            description = "reference (default), java:<class>, cmd:'<command line>' (spec/PROTOCOL.md), or "
                    + "course:<file.ipynb|file.py>[:<file>...] (the course's notebooks as they are)")
    String impl;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            description =
                    "jars or folders for java:<class>, " + "separated by the platform's path separator (':' on Linux)")
    String classpath;

    @Option(
            names = "--timeout",
            paramLabel = "MS",
            defaultValue = "20000",
            description = "per-request timeout for cmd: and java: implementations, in ms (default ${DEFAULT-VALUE})")
    long timeout;

    /** True for the built-in reference. */
    boolean isReference() {
        return impl == null || impl.equals("reference");
    }

    /**
     * Opens the implementation the options name and completes its handshake, so that a program
     * that cannot start is one clear usage error (exit 2) rather than an ERROR on every clause.
     */
    Implementation open(CommandLine cmd) {
        if (timeout <= 0) {
            throw new ParameterException(cmd, "--timeout must be > 0 ms, found " + timeout);
        }
        Implementation implementation = create(cmd);
        if (implementation instanceof ProtocolImplementation program) {
            try {
                program.capabilities();
            } catch (ImplementationFailure e) {
                program.close();
                throw new CannotStartException(impl, e.getMessage());
            }
        }
        return implementation;
    }

    private Implementation create(CommandLine cmd) {
        if (isReference()) {
            return new ReferenceImplementation();
        }
        if (impl.startsWith("cmd:")) {
            String commandLine = impl.substring(4).strip();
            if (commandLine.isEmpty()) {
                throw new ParameterException(cmd, "--impl cmd: needs a command line, e.g. cmd:'python3 my_adapter.py'");
            }
            return ProtocolImplementation.command(commandLine, timeout);
        }
        if (impl.startsWith("course:")) {
            return course(cmd, impl.substring(7));
        }
        if (impl.startsWith("java:")) {
            String className = impl.substring(5).strip();
            if (!className.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                throw new ParameterException(
                        cmd, "--impl java: needs a fully qualified class name, found \"" + className + "\"");
            }
            return ProtocolImplementation.javaClass(className, checkedClasspath(cmd), timeout);
        }
        throw new ParameterException(
                cmd,
                "--impl must be reference, java:<class>, cmd:'<command line>' or course:<file>, found \"" + impl
                        + "\"");
    }

    /**
     * The course loader on the files: each must exist; the loader's description (what it found,
     * its warnings, the note on the course's formulas) goes to stderr before the run, and a load
     * that finds nothing to check is one line and exit 2.
     */
    private Implementation course(CommandLine cmd, String list) {
        List<Path> files = new ArrayList<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                files.add(Paths.get(entry.strip()));
            }
        }
        if (files.isEmpty()) {
            throw new ParameterException(cmd, "--impl course: needs a file, e.g. course:'My week 3.ipynb'");
        }
        for (Path f : files) {
            String why = CourseCode.unusable(f);
            if (why != null) {
                throw new ParameterException(cmd, "--impl course: " + why);
            }
        }
        CourseCode.Description d = CourseCode.describe(files);
        if (!d.loaded()) {
            throw new CannotStartException(impl, d.lines().get(0));
        }
        d.lines().forEach(line -> System.err.println("course: " + line));
        return CourseCode.open(files, timeout);
    }

    private String checkedClasspath(CommandLine cmd) {
        if (classpath == null) {
            return null;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !new File(entry).exists()) {
                throw new ParameterException(cmd, "--classpath entry does not exist: " + entry);
            }
        }
        return classpath;
    }

    /** The implementation never answered its handshake: exit 2 with what it said. */
    static final class CannotStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotStartException(String impl, String why) {
            super("could not start " + impl + ": " + why);
        }
    }
}
