package org.dlbasis.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The harness: warm-up runs, then several timed runs, reporting the median (robust to a noisy
 * 2-core machine) with the min and max beside it.
 */
final class Timing {
    private Timing() {
    }

    /** Median, min and max wall time of {@code runs} runs after {@code warmups} untimed ones, in seconds. */
    static double[] measure(int warmups, int runs, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        return new double[] {seconds[runs / 2], seconds[0], seconds[runs - 1]};
    }

    static String format(double[] t) {
        return String.format(Locale.ROOT, "%.3f s (min %.3f, max %.3f)", t[0], t[1], t[2]);
    }
}
