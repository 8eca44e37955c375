package org.dlbasis.cli;

import java.io.IOException;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.wire.JsonFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./dlbasis}: the command line of dlbasis. */
@Command(
        name = "dlbasis",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"An executable specification of the basics of deep learning.", "", ExitCode.DESCRIPTION},
        subcommands = {ConformCommand.class, GradcheckCommand.class, SweepCommand.class, ScoreboardCommand.class})
public final class Dlbasis implements Runnable {
    @Spec
    CommandSpec spec;

    /**
     * Runs the command line and exits with its status ({@link ExitCode}).
     *
     * @param args the command and its options, such as {@code conform --clauses ACT-6}
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, with one exit status per meaning ({@link ExitCode}): a malformed input file
     * (by name and place), an unwritable report folder or an implementation that cannot start is a
     * usage error (2) with a one-line message; anything else that escapes is dlbasis's own failure
     * (3), reported with its stack trace because it is a bug to report.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Dlbasis());
        cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof JsonFormatException
                    || e instanceof IOException
                    || e instanceof ImplementationOptions.CannotStartException) {
                cmd.getErr().println("dlbasis: " + Untrusted.terminal(e.getMessage()));
                return ExitCode.USAGE;
            }
            cmd.getErr().println("dlbasis: internal error (please report it): " + e);
            e.printStackTrace(cmd.getErr());
            return ExitCode.SUITE_FAILURE;
        });
        return cli;
    }

    /** No subcommand: the usage, on stderr, and a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "choose a command: conform, gradcheck, sweep or scoreboard");
    }
}
