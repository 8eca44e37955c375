package org.dlbasis.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.loss.CrossEntropy;

/**
 * Accuracy and speed of the reference's transcendental kernels, old against new (issue #14): the
 * error of each implementation in ulps against correctly rounded values, and its time per call.
 *
 * <pre>
 * python3 benchmarks/python/correctly_rounded.py        # writes benchmarks/target/ulp-points.tsv
 * java -cp benchmarks/target/dlbasis-benchmarks.jar org.dlbasis.benchmarks.UlpSurvey [points.tsv] [--no-timing]
 * </pre>
 *
 * <p>The error of a result r for the exact value e (40 digits in the file) is |r − e| / ulp(e), with
 * ulp(e) the spacing of the doubles in e's binade (2⁻¹⁰⁷⁴ below the smallest normal number), so a
 * correctly rounded result is within 0.5 and a faithful one within 1. Results whose exact value is
 * below the smallest normal number are reported apart: ELEM does not require subnormal accuracy.
 * "old" is the reference as it was before issue #14 (copied here), "new" the reference's code.
 */
public final class UlpSurvey {
    private static final double MIN_NORMAL = Double.MIN_NORMAL;

    private UlpSurvey() {}

    /** One line of the points file. */
    private record Point(String set, double x, double rounded, BigDecimal exact, String exactText) {}

    /** An implementation of one function. */
    private record Impl(String name, DoubleUnaryOperator f) {}

    // ---------------------------------------------------------------- the former reference

    static double oldTanh(double z) {
        double a = Math.abs(z);
        if (!(a >= 0.55)) {
            return Math.tanh(z);
        }
        double t = Math.exp(-2.0 * a);
        return Math.copySign((1.0 - t) / (1.0 + t), z);
    }

    static double oldTanhDerivative(double z) {
        double a = Math.abs(z);
        if (!(a >= 0.55)) {
            double th = Math.tanh(z);
            return 1.0 - th * th;
        }
        double t = Math.exp(-2.0 * a);
        double onePlusT = 1.0 + t;
        return 4.0 * t / (onePlusT * onePlusT);
    }

    static double oldSoftplus(double t) {
        return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    static double oldNegLog1mp(double p) {
        return 0.0 - Math.log1p(-p);
    }

    /** A candidate not taken: log1p(x) = log(w)·x/(w − 1), w = 1 + x (Goldberg's theorem 4 form). */
    static double log1pQuotient(double x) {
        double w = 1.0 + x;
        if (w == 1.0) {
            return x;
        }
        return Math.log(w) * (x / (w - 1.0));
    }

    private static Map<String, List<Impl>> implementations() {
        Map<String, List<Impl>> m = new LinkedHashMap<>();
        m.put(
                "tanh",
                List.of(
                        new Impl("old", UlpSurvey::oldTanh),
                        new Impl("new", ScalarActivations::tanh),
                        new Impl("Math.tanh", Math::tanh)));
        m.put(
                "tanh'",
                List.of(
                        new Impl("old", UlpSurvey::oldTanhDerivative),
                        new Impl("new", ScalarActivations::tanhDerivative)));
        m.put("sigmoid", List.of(new Impl("old=new", ScalarActivations::sigmoid)));
        m.put(
                "log1p",
                List.of(
                        new Impl("old Math.log1p", Math::log1p),
                        new Impl("new", CrossEntropy::log1p),
                        new Impl("log(w)x/(w-1)", UlpSurvey::log1pQuotient)));
        m.put(
                "softplus",
                List.of(
                        new Impl("old", UlpSurvey::oldSoftplus),
                        new Impl("new", t -> CrossEntropy.lossFromLogit(t, 0))));
        m.put(
                "nlog1mp",
                List.of(new Impl("old", UlpSurvey::oldNegLog1mp), new Impl("new", p -> CrossEntropy.loss(p, 0))));
        return m;
    }

    // ---------------------------------------------------------------- errors

    /** The spacing of the doubles at the exact value e (of the binade below a power of two). */
    static double ulpAt(double rounded, BigDecimal exact) {
        double r = Math.abs(rounded);
        double ulp = Math.ulp(r);
        boolean powerOfTwo = r > MIN_NORMAL && (Double.doubleToRawLongBits(r) & 0xFFFFFFFFFFFFFL) == 0;
        if (powerOfTwo && exact.abs().compareTo(new BigDecimal(r)) < 0) {
            ulp /= 2;
        }
        return ulp;
    }

    /** |r − e| in ulps of e; +∞ for a wrong NaN, infinity or zero. */
    static double ulpError(double r, Point p) {
        if (p.exact == null) {
            boolean nanOk = p.exactText.equals("nan") && Double.isNaN(r);
            return nanOk || r == p.rounded ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return Double.POSITIVE_INFINITY;
        }
        BigDecimal diff = new BigDecimal(r).subtract(p.exact).abs();
        return diff.divide(new BigDecimal(ulpAt(p.rounded, p.exact)), MathContext.DECIMAL64)
                .doubleValue();
    }

    /** Maximum, mean, correctly rounded share and worst argument of one implementation on some points. */
    private static final class Stats {
        int n;
        double max = -1;
        double worstX = Double.NaN;
        double sum;
        int correctlyRounded;
        int subnormal;
        double subnormalMax;
        double subnormalAbs;
        int wrongSignOfZero;
        double maxRelative;

        void add(Point p, double r) {
            if (p.exact != null && p.exact.signum() != 0 && p.exact.abs().compareTo(new BigDecimal(MIN_NORMAL)) < 0) {
                subnormal++;
                subnormalMax = Math.max(subnormalMax, ulpError(r, p));
                subnormalAbs = Math.max(subnormalAbs, Math.abs(r - p.rounded));
                return;
            }
            double e = ulpError(r, p);
            if (p.exact != null && p.exact.signum() != 0 && Double.isFinite(r)) {
                double rel = new BigDecimal(r)
                        .subtract(p.exact)
                        .divide(p.exact, MathContext.DECIMAL64)
                        .abs()
                        .doubleValue();
                maxRelative = Math.max(maxRelative, rel);
            }
            n++;
            sum += e;
            if (Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(p.rounded)
                    || (Double.isNaN(r) && Double.isNaN(p.rounded))) {
                correctlyRounded++;
            } else if (r == 0 && p.rounded == 0) {
                wrongSignOfZero++;
                correctlyRounded++;
            }
            if (e > max) {
                max = e;
                worstX = p.x;
            }
        }

        String row(String impl, String set) {
            String sub = subnormal == 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "  subnormal results: %d, max %.3g ulp, max |err| %.3g",
                            subnormal,
                            subnormalMax,
                            subnormalAbs);
            String zeros = wrongSignOfZero == 0 ? "" : "  wrong sign of zero: " + wrongSignOfZero;
            return String.format(
                    Locale.ROOT,
                    "  %-16s %-28s %7d %9.4f  %-24s %7.4f %7.2f%% %9.3g%s%s",
                    impl,
                    set,
                    n,
                    max,
                    Double.toString(worstX),
                    n == 0 ? 0 : sum / n,
                    n == 0 ? 100 : 100.0 * correctlyRounded / n,
                    maxRelative,
                    sub,
                    zeros);
        }
    }

    private static Map<String, List<Point>> read(Path file) {
        Map<String, List<Point>> points = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(f[2], 16));
                double rounded = Double.longBitsToDouble(Long.parseUnsignedLong(f[3], 16));
                BigDecimal exact = f[4].equals("nan") || f[4].endsWith("inf") ? null : new BigDecimal(f[4]);
                points.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Point(f[1], x, rounded, exact, f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    private static void accuracy(Map<String, List<Point>> points) {
        System.out.println("ERRORS in ulps of the exact value (max, its argument, mean; CR = share correctly rounded;"
                + " max rel = max |r - e|/|e|, which ELEM bounds by 1e-15)");
        for (Map.Entry<String, List<Impl>> fn : implementations().entrySet()) {
            List<Point> ps = points.getOrDefault(fn.getKey(), List.of());
            System.out.printf(Locale.ROOT, "%n%s: %d points%n", fn.getKey(), ps.size());
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %-28s %7s %9s  %-24s %7s %8s %9s%n",
                    "implementation",
                    "set",
                    "n",
                    "max ulp",
                    "at x",
                    "mean",
                    "CR",
                    "max rel");
            for (Impl impl : fn.getValue()) {
                Map<String, Stats> bySet = new LinkedHashMap<>();
                Stats all = new Stats();
                for (Point p : ps) {
                    double r = impl.f.applyAsDouble(p.x);
                    all.add(p, r);
                    bySet.computeIfAbsent(p.set, k -> new Stats()).add(p, r);
                }
                System.out.println(all.row(impl.name, "ALL"));
                bySet.forEach((set, s) -> System.out.println(s.row("", set)));
            }
        }
    }

    // ---------------------------------------------------------------- shape checks

    /** Decreasing steps of f over n consecutive doubles from x upwards. */
    private static int decreases(DoubleUnaryOperator f, double x, int n) {
        int count = 0;
        double prev = f.applyAsDouble(x);
        for (int i = 0; i < n; i++) {
            x = Math.nextUp(x);
            double v = f.applyAsDouble(x);
            if (v < prev) {
                count++;
            }
            prev = v;
        }
        return count;
    }

    private static void shape() {
        System.out.printf(Locale.ROOT, "%nSHAPE (monotonicity over consecutive doubles, ranges)%n");
        double start = 0.55;
        for (int i = 0; i < 20_000; i++) {
            start = Math.nextDown(start);
        }
        DoubleUnaryOperator negOldD = z -> -oldTanhDerivative(z);
        DoubleUnaryOperator negNewD = z -> -ScalarActivations.tanhDerivative(z);
        System.out.printf(
                Locale.ROOT,
                "  40001 doubles around 0.55: tanh decreases old %d, new %d; tanh' increases old %d, new %d%n",
                decreases(UlpSurvey::oldTanh, start, 40_000),
                decreases(ScalarActivations::tanh, start, 40_000),
                decreases(negOldD, start, 40_000),
                decreases(negNewD, start, 40_000));
        Random rnd = new Random(14);
        int oldDec = 0;
        int newDec = 0;
        int windows = 2000;
        for (int w = 0; w < windows; w++) {
            double x = rnd.nextDouble() * 0.55;
            oldDec += decreases(UlpSurvey::oldTanh, x, 100);
            newDec += decreases(ScalarActivations::tanh, x, 100);
        }
        System.out.printf(
                Locale.ROOT,
                "  %d windows of 101 consecutive doubles in [0, 0.55): tanh decreases old %d, new %d%n",
                windows,
                oldDec,
                newDec);
        oldDec = 0;
        newDec = 0;
        for (int w = 0; w < windows; w++) {
            double x = 0.55 + rnd.nextDouble() * 19.45;
            oldDec += decreases(UlpSurvey::oldTanh, x, 100);
            newDec += decreases(ScalarActivations::tanh, x, 100);
        }
        System.out.printf(
                Locale.ROOT,
                "  %d windows of 101 consecutive doubles in [0.55, 20): tanh decreases old %d, new %d%n",
                windows,
                oldDec,
                newDec);
        double maxD = 0;
        double minD = 1;
        double maxT = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double z = i < 1_000_000 ? rnd.nextDouble() * 0.6 : Math.scalb(rnd.nextDouble(), -rnd.nextInt(1075));
            double d = ScalarActivations.tanhDerivative(z);
            maxD = Math.max(maxD, d);
            minD = Math.min(minD, d);
            maxT = Math.max(maxT, Math.abs(ScalarActivations.tanh(z)));
        }
        System.out.printf(
                Locale.ROOT,
                "  2e6 arguments in [0, 0.6) and in every binade below 1: new tanh' in [%s, %s], |tanh| <= %s%n",
                minD,
                maxD,
                maxT);
        System.out.printf(
                Locale.ROOT,
                "  new tanh'(1.42e-16) = %s, tanh'(0) = %s, tanh(-0.0) = %s, tanh(NaN) = %s, log1p(-1) = %s, loss(1, 0) = %s%n",
                ScalarActivations.tanhDerivative(1.42e-16),
                ScalarActivations.tanhDerivative(0),
                ScalarActivations.tanh(-0.0),
                ScalarActivations.tanh(Double.NaN),
                CrossEntropy.log1p(-1),
                CrossEntropy.loss(1, 0));
    }

    // ---------------------------------------------------------------- speed

    /** A timed loop; each one is its own lambda, so that the call inside it is monomorphic and inlined. */
    private record Kernel(String name, ToDoubleFunction<double[]> loop) {}

    private static double[] inputs(long seed, int n, double lo, double hi) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    private static double sink;

    private static double nsPerCall(Kernel k, double[] xs, int passes) {
        long t = System.nanoTime();
        double s = 0;
        for (int i = 0; i < passes; i++) {
            s += k.loop.applyAsDouble(xs);
        }
        sink += s;
        return (System.nanoTime() - t) / ((double) passes * xs.length);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static void time(String function, String inputs, double[] xs, Kernel... kernels) {
        int rounds = 9;
        int passes = 300;
        double[][] ns = new double[kernels.length][rounds];
        for (int w = 0; w < 3; w++) {
            for (Kernel k : kernels) {
                nsPerCall(k, xs, passes);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < kernels.length; i++) {
                ns[i][r] = nsPerCall(kernels[i], xs, passes);
            }
        }
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-9s %-26s", function, inputs));
        for (int i = 0; i < kernels.length; i++) {
            row.append(String.format(Locale.ROOT, " %s %6.2f", kernels[i].name, median(ns[i])));
        }
        if (kernels.length >= 2) {
            row.append(String.format(Locale.ROOT, "   old/new %.2f", median(ns[0]) / median(ns[1])));
        }
        System.out.println(row);
    }

    private static void speed() {
        System.out.printf(
                Locale.ROOT,
                "%nSPEED: ns per call, median of 9 rounds of 300 passes over 1600 arguments (the 2-4-1 network's Z1)%n");
        int n = 1600;
        double[] small = inputs(1, n, -0.55, 0.55);
        double[] wide = inputs(2, n, -4, 4);
        double[] mixed = new double[n]; // half below the switch, half above: the planar network after ~1000 steps
        for (int i = 0; i < n; i++) {
            mixed[i] = i % 2 == 0 ? small[i] : wide[i] * 0.3 + Math.copySign(0.55, wide[i]);
        }
        for (Object[] c : new Object[][] {{"|z|<0.55", small}, {"[-4, 4]", wide}, {"half/half", mixed}}) {
            double[] xs = (double[]) c[1];
            time(
                    "tanh",
                    (String) c[0],
                    xs,
                    new Kernel("old", v -> {
                        double s = 0;
                        for (double x : v) {
                            s += oldTanh(x);
                        }
                        return s;
                    }),
                    new Kernel("new", v -> {
                        double s = 0;
                        for (double x : v) {
                            s += ScalarActivations.tanh(x);
                        }
                        return s;
                    }),
                    new Kernel("Math.tanh", v -> {
                        double s = 0;
                        for (double x : v) {
                            s += Math.tanh(x);
                        }
                        return s;
                    }));
            time(
                    "tanh'",
                    (String) c[0],
                    xs,
                    new Kernel("old", v -> {
                        double s = 0;
                        for (double x : v) {
                            s += oldTanhDerivative(x);
                        }
                        return s;
                    }),
                    new Kernel("new", v -> {
                        double s = 0;
                        for (double x : v) {
                            s += ScalarActivations.tanhDerivative(x);
                        }
                        return s;
                    }));
        }
        time("sigmoid", "[-10, 10]", inputs(3, n, -10, 10), new Kernel("old=new", v -> {
            double s = 0;
            for (double x : v) {
                s += ScalarActivations.sigmoid(x);
            }
            return s;
        }));
        double[] unit = inputs(4, n, 0, 1);
        time(
                "log1p",
                "[0, 1]",
                unit,
                new Kernel("old", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += Math.log1p(x);
                    }
                    return s;
                }),
                new Kernel("new", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += CrossEntropy.log1p(x);
                    }
                    return s;
                }),
                new Kernel("quotient", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += log1pQuotient(x);
                    }
                    return s;
                }),
                new Kernel("Math.log", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += Math.log(1 + x);
                    }
                    return s;
                }),
                new Kernel("Math.exp", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += Math.exp(x);
                    }
                    return s;
                }),
                new Kernel("Math.expm1", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += Math.expm1(x);
                    }
                    return s;
                }));
        time(
                "softplus",
                "[-10, 10]",
                inputs(5, n, -10, 10),
                new Kernel("old", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += oldSoftplus(x);
                    }
                    return s;
                }),
                new Kernel("new", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += CrossEntropy.lossFromLogit(x, 0);
                    }
                    return s;
                }));
        time(
                "nlog1mp",
                "[0, 1]",
                unit,
                new Kernel("old", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += oldNegLog1mp(x);
                    }
                    return s;
                }),
                new Kernel("new", v -> {
                    double s = 0;
                    for (double x : v) {
                        s += CrossEntropy.loss(x, 0);
                    }
                    return s;
                }));
        if (sink == 42) {
            System.out.println();
        }
    }

    /**
     * Prints the error table, the shape checks and the timings.
     *
     * @param args [points file] (default benchmarks/target/ulp-points.tsv), --no-timing, --only-timing
     */
    public static void main(String[] args) {
        List<String> a = Arrays.asList(args);
        Path file = Path.of(
                a.stream().filter(s -> !s.startsWith("--")).findFirst().orElse("benchmarks/target/ulp-points.tsv"));
        if (!a.contains("--only-timing")) {
            if (!Files.isRegularFile(file)) {
                System.err.println(file + " is missing: run python3 benchmarks/python/correctly_rounded.py first");
                System.exit(2);
            }
            accuracy(read(file));
            shape();
        }
        if (!a.contains("--no-timing")) {
            speed();
        }
    }
}
