package org.dlbasis.cli;

import org.dlbasis.properties.json.JsonFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./dlbasis}: the command line of dlbasis. */
@Command(name = "dlbasis", mixinStandardHelpOptions = true, version = "dlbasis 0.1.0",
        description = "An executable specification of the basics of deep learning.",
        subcommands = {ConformCommand.class, GradcheckCommand.class})
public final class Dlbasis implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with malformed input files reported as usage errors (exit 2) by name and place. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Dlbasis());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof JsonFormatException) {
                cmd.getErr().println("dlbasis: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
