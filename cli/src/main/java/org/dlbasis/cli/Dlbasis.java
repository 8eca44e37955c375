package org.dlbasis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./dlbasis}: the command line of dlbasis. */
@Command(name = "dlbasis", mixinStandardHelpOptions = true, version = "dlbasis 0.1.0",
        description = "An executable specification of the basics of deep learning.",
        subcommands = {ConformCommand.class, GradcheckCommand.class})
public final class Dlbasis implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Dlbasis()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
