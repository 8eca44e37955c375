package org.dlbasis.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code ./dlbasis gradcheck}: placeholder wired in by the gradient-check issue. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Gradient-check reports (not built yet: see the gradient-check issue).")
final class GradcheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("gradcheck is not available yet");
        return 2;
    }
}
