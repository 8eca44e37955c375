package org.dlbasis.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.dlbasis.properties.protocol.ProtocolImplementation;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Implementation;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that choose the implementation, shared by every command: {@code --impl reference}
 * (the default), {@code java:<class>} (a class with a public no-argument constructor, looked up on
 * {@code --classpath}), or {@code cmd:'<command line>'} (a program speaking spec/PROTOCOL.md, with
 * a per-request {@code --timeout}).
 */
final class ImplementationOptions {
    @Option(names = "--impl", paramLabel = "IMPL", defaultValue = "reference",
            description = "reference (default), java:<class>, or cmd:'<command line>' (spec/PROTOCOL.md)")
    String impl;

    @Option(names = "--classpath", paramLabel = "PATH", description = "jars or folders for java:<class>, "
            + "separated by the platform's path separator (':' on Linux)")
    String classpath;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "20000",
            description = "per-request timeout for cmd: implementations, in ms (default ${DEFAULT-VALUE})")
    long timeout;

    /** True for the built-in reference. */
    boolean isReference() {
        return impl == null || impl.equals("reference");
    }

    /** Opens the implementation the options name; a usage error if they name none. */
    Implementation open(CommandLine cmd) {
        return open(cmd, impl, classpath, timeout);
    }

    private static Implementation open(CommandLine cmd, String spec, String classpath, long timeoutMillis) {
        if (spec == null || spec.equals("reference")) {
            return new ReferenceImplementation();
        }
        if (spec.startsWith("cmd:")) {
            return new ProtocolImplementation(spec.substring(4), timeoutMillis);
        }
        if (spec.startsWith("java:")) {
            return javaClass(cmd, spec.substring(5), classpath);
        }
        throw new ParameterException(cmd, "--impl must be reference, java:<class> or cmd:'<command line>', found \""
                + spec + "\"");
    }

    private static Implementation javaClass(CommandLine cmd, String className, String classpath) {
        List<URL> urls = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                File f = new File(entry);
                if (!f.exists()) {
                    throw new ParameterException(cmd, "--classpath entry does not exist: " + entry);
                }
                try {
                    urls.add(f.toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new ParameterException(cmd, "--classpath entry is not a path: " + entry);
                }
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ImplementationOptions.class.getClassLoader());
        try {
            Class<?> c = Class.forName(className, true, loader);
            if (!Implementation.class.isAssignableFrom(c)) {
                throw new ParameterException(cmd, className + " does not implement " + Implementation.class.getName());
            }
            return (Implementation) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ParameterException(cmd, "class " + className + " not found on the classpath"
                    + (classpath == null ? " (add jars with --classpath)" : " " + classpath));
        } catch (ReflectiveOperationException e) {
            throw new ParameterException(cmd, "cannot instantiate " + className
                    + " with a public no-argument constructor: " + e);
        }
    }
}
