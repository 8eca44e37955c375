package org.dlbasis.benchmarks;

import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The Java side of the workload benchmarks: the reference's own {@code train} on the course's
 * sizes. Prints "name median min max final-cost" per workload, like workloads.py. Training uses
 * {@code -Dthreads=N} threads, by default every core the JVM sees (so
 * {@code -XX:ActiveProcessorCount=1} makes it single-threaded, JIT included).
 */
public final class WorkloadBenchmark {
    private static final ReferenceImplementation REF = new ReferenceImplementation(
            Integer.getInteger("threads", Runtime.getRuntime().availableProcessors()));

    private WorkloadBenchmark() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        java.util.List<String> only = java.util.Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (only.isEmpty() || only.contains("logistic")) {
            report("logistic", runs, logistic());
        }
        if (only.isEmpty() || only.contains("course-network")) {
            report("course-network", runs, courseNetwork());
        }
        if (only.isEmpty() || only.contains("planar-network")) {
            report("planar-network", runs, planarNetwork());
        }
        if (only.isEmpty() || only.contains("n17-dot")) {
            n17();
        }
    }

    private static void report(String name, int runs, DoubleSupplier work) {
        double[] result = new double[1];
        Timing t = Timing.measure(1, runs, () -> result[0] = work.getAsDouble());
        System.out.printf(Locale.ROOT, "%s %.4f %.4f %.4f %.12g%n", name, t.median(), t.min(), t.max(), result[0]);
    }

    static DoubleSupplier logistic() {
        int n = 12288;
        int m = 209;
        Tensor x = Data.uniform(0, n, m);
        Tensor y = Data.labels(m);
        LogisticParameters p = new LogisticParameters(Tensor.zeros(n, 1), 0);
        return () -> {
            double[] costs =
                    REF.logisticRegression().train(p, x, y, 0.005, 2000).costs();
            return costs[costs.length - 1];
        };
    }

    static DoubleSupplier courseNetwork() {
        int nx = 12288;
        int m = 209;
        Tensor x = Data.uniform(0, nx, m);
        return network(x, Data.labels(m), 7, Activation.relu(), 2500, 0.0075);
    }

    static DoubleSupplier planarNetwork() {
        int m = 400;
        Tensor x = Data.uniform(0, 2, m).map(v -> v * 8 - 4);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = x.get(0, j) * x.get(1, j) > 0 ? 1 : 0;
        }
        return network(x, Tensor.of(Shape.of(1, m), y), 4, Activation.tanh(), 10000, 1.2);
    }

    private static DoubleSupplier network(Tensor x, Tensor y, int nh, Activation g, int iterations, double alpha) {
        int nx = x.shape().dim(0);
        NetworkParameters p = new NetworkParameters(
                Data.gaussian(0, nh, nx, 0.01),
                Tensor.zeros(nh, 1),
                Data.gaussian(700_000_000L, 1, nh, 0.01),
                Tensor.zeros(1, 1));
        return () -> {
            double[] costs =
                    REF.twoLayerNetwork().train(p, x, y, g, alpha, iterations).costs();
            return costs[costs.length - 1];
        };
    }

    /** N17 in Java: a vectorized dot (the reference's dot) against a plain loop. */
    private static void n17() {
        int n = 1_000_000;
        Tensor a = Data.uniform(0, 1, n).map(v -> v);
        Tensor b = Data.uniform(10_000_000L, 1, n);
        Tensor va = REF.arrays().reshape(a, n);
        Tensor vb = REF.arrays().reshape(b, n);
        double[] xa = va.toArray();
        double[] xb = vb.toArray();
        double[] sink = new double[2];
        Timing dot =
                Timing.measure(20, 51, () -> sink[0] = REF.arrays().dot(va, vb).item());
        Timing loop = Timing.measure(20, 51, () -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += xa[i] * xb[i];
            }
            sink[1] = s;
        });
        System.out.printf(
                Locale.ROOT,
                "n17-dot %.6f %.6f %.6f %.12g%n",
                dot.median(),
                loop.median(),
                loop.median() / dot.median(),
                sink[0]);
    }
}
