package org.dlbasis.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The harness's measurement: warm-up runs, then several timed runs, reporting the median (robust
 * to a noisy 2-core machine) with the min and max beside it.
 *
 * @param median the median wall time, in seconds
 * @param min the fastest run
 * @param max the slowest run
 */
record Timing(double median, double min, double max) {

    /** {@code runs} timed runs after {@code warmups} untimed ones. */
    static Timing measure(int warmups, int runs, Runnable work) {
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
        return new Timing(seconds[runs / 2], seconds[0], seconds[runs - 1]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f s (min %.3f, max %.3f)", median, min, max);
    }
}
