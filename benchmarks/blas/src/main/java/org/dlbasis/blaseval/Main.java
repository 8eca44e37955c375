package org.dlbasis.blaseval;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Times the two hot products of the 12288-7-1 network, Z1 = W1·X (7 × 209) and dW1 = dZ1·Xᵀ
 * (7 × 12288), with one implementation per JVM, and measures memory bandwidth. Driven by run.py
 * (benchmarks/run blas), which starts one JVM per implementation with the flags it needs.
 *
 * <pre>
 * java -jar dlbasis-blas-eval.jar products IMPL [seconds]   one implementation: Z1, dW1, and the pair
 * java -jar dlbasis-blas-eval.jar reference DIR             plain-kernel results for numpy to check against
 * java -jar dlbasis-blas-eval.jar stream MB THREADS         read (sum) and triad bandwidth, MB per array and thread
 * java -jar dlbasis-blas-eval.jar peak N                    bytedeco OpenBLAS dgemm N × N × N, GFLOP/s
 * </pre>
 *
 * Output lines: {@code RESULT impl product median_ms min_ms p90_ms reps max_abs_diff bound ok}, {@code INFO key
 * value}, {@code STREAM kernel MB threads GB/s(median) GB/s(best)}, {@code PEAK n GFLOP/s(median) GFLOP/s(best)}.
 */
public final class Main {
    private Main() {}

    /** One way of computing the two products; the operands never change, as in training (X is fixed). */
    interface Impl {
        void z1(Data d, double[] out);

        void dw1(Data d, double[] out);
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        switch (args.length == 0 ? "" : args[0]) {
            case "products":
                products(args[1], args.length > 2 ? Double.parseDouble(args[2]) : 3.0);
                break;
            case "reference":
                reference(Path.of(args[1]));
                break;
            case "stream":
                stream(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                break;
            case "peak":
                peak(Integer.parseInt(args[1]));
                break;
            default:
                System.err.println("usage: products IMPL [seconds] | reference DIR | stream MB THREADS | peak N");
                System.exit(2);
        }
    }

    // ---------------------------------------------------------------- implementations

    static Impl impl(String name, Data d) throws Exception {
        final int n = Data.N;
        final int m = Data.M;
        final int h = Data.H;
        switch (name) {
            case "plain": // the reference today: row updates over X, and over the Xᵀ it stores once
                return new Impl() {
                    public void z1(Data d, double[] out) {
                        PlainKernels.multiplyByRowUpdates(d.w1, d.x, out, h, n, m);
                    }

                    public void dw1(Data d, double[] out) {
                        PlainKernels.multiplyByRowUpdates(d.dz1, d.xT, out, h, m, n);
                    }
                };
            case "plain-dots": // dW1 as dot products over X (the reference's path for narrow X)
                return new Impl() {
                    public void z1(Data d, double[] out) {
                        PlainKernels.multiplyByRowUpdates(d.w1, d.x, out, h, n, m);
                    }

                    public void dw1(Data d, double[] out) {
                        PlainKernels.multiplyTransB(d.dz1, d.x, out, h, n, m);
                    }
                };
            case "vector": // Vector API: Z1 register-blocked over X; dW1 as vector dots straight from X (no Xᵀ)
            case "vector-xt": // ... dW1 register-blocked over the stored Xᵀ instead
                info("vector.status", VectorSupport.STATUS);
                if (!VectorSupport.AVAILABLE) {
                    info("vector.fallback", "plain kernels (the scalar fallback)");
                    return impl("plain", d);
                }
                final boolean overXt = name.equals("vector-xt");
                return new Impl() {
                    public void z1(Data d, double[] out) {
                        VectorKernels.multiply7(d.w1, d.x, out, n, m);
                    }

                    public void dw1(Data d, double[] out) {
                        if (overXt) {
                            VectorKernels.multiply7(d.dz1, d.xT, out, m, n);
                        } else {
                            VectorKernels.multiply7TransB(d.dz1, d.x, out, n, m);
                        }
                    }
                };
            case "netlib-java": // what dev.ludovic.netlib picks among its Java back ends (VectorBLAS needs the flag)
                return netlib(JavaBLAS.getInstance());
            case "netlib-f2j": // the old f2j translation of reference BLAS, for comparison (package-private class)
                Method get = Class.forName("dev.ludovic.netlib.blas.F2jBLAS").getMethod("getInstance");
                get.setAccessible(true);
                return netlib((BLAS) get.invoke(null));
            case "netlib-native": // JNI to libblas.so.3 or -Ddev.ludovic.netlib.blas.nativeLibPath=...
                info("netlib.nativeLibPath", System.getProperty("dev.ludovic.netlib.blas.nativeLibPath", "-"));
                info("netlib.nativeLib", System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3"));
                return netlib(NativeBLAS.getInstance());
            case "openblas-arrays": // bytedeco cblas_dgemm on the Java arrays (JavaCPP's double[] overload)
                openblasInfo();
                return new Impl() {
                    public void z1(Data d, double[] out) {
                        openblas_nolapack.cblas_dgemm(
                                openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                                openblas_nolapack.CblasNoTrans, h, m, n, 1.0, d.w1, n, d.x, m, 0.0, out, m);
                    }

                    public void dw1(Data d, double[] out) {
                        openblas_nolapack.cblas_dgemm(
                                openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                                openblas_nolapack.CblasTrans, h, n, m, 1.0, d.dz1, m, d.x, m, 0.0, out, n);
                    }
                };
            case "openblas-pointers": // bytedeco cblas_dgemm with X kept off-heap once; W1/dZ1 in and results out timed
                openblasInfo();
                final DoublePointer px = new DoublePointer(d.x);
                final DoublePointer pw1 = new DoublePointer((long) h * n);
                final DoublePointer pdz1 = new DoublePointer((long) h * m);
                final DoublePointer pz1 = new DoublePointer((long) h * m);
                final DoublePointer pdw1 = new DoublePointer((long) h * n);
                return new Impl() {
                    public void z1(Data d, double[] out) {
                        pw1.put(d.w1);
                        openblas_nolapack.cblas_dgemm(
                                openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                                openblas_nolapack.CblasNoTrans, h, m, n, 1.0, pw1, n, px, m, 0.0, pz1, m);
                        pz1.get(out);
                    }

                    public void dw1(Data d, double[] out) {
                        pdz1.put(d.dz1);
                        openblas_nolapack.cblas_dgemm(
                                openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                                openblas_nolapack.CblasTrans, h, n, m, 1.0, pdz1, m, px, m, 0.0, pdw1, n);
                        pdw1.get(out);
                    }
                };
            default:
                throw new IllegalArgumentException("unknown implementation " + name);
        }
    }

    /**
     * dev.ludovic.netlib's dgemm is Fortran's (column-major). A row-major (r × c) array is its
     * column-major transpose, so Z1ᵀ = Xᵀ·W1ᵀ is dgemm("N", "N") and dW1ᵀ = X·dZ1ᵀ is dgemm("T", "N"),
     * both on the arrays as they are.
     */
    static Impl netlib(BLAS blas) {
        info("netlib.class", blas.getClass().getName());
        final int n = Data.N;
        final int m = Data.M;
        final int h = Data.H;
        return new Impl() {
            public void z1(Data d, double[] out) {
                blas.dgemm("N", "N", m, h, n, 1.0, d.x, m, d.w1, n, 0.0, out, m);
            }

            public void dw1(Data d, double[] out) {
                blas.dgemm("T", "N", n, h, m, 1.0, d.x, m, d.dz1, m, 0.0, out, n);
            }
        };
    }

    static void openblasInfo() {
        String threads = System.getProperty("blaseval.openblasThreads", "1");
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(Integer.parseInt(threads));
        info("openblas.threads", org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads());
        info("openblas.vendor", org.bytedeco.openblas.presets.openblas_nolapack.blas_get_vendor());
        Loader.getLoadedLibraries().forEach((k, v) -> {
            if (k.contains("openblas")) {
                info("openblas.loaded", k + " " + v);
            }
        });
        info("env.OPENBLAS_CORETYPE", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        info("env.OPENBLAS_NUM_THREADS", String.valueOf(System.getenv("OPENBLAS_NUM_THREADS")));
    }

    // ---------------------------------------------------------------- measurements

    static void products(String name, double seconds) throws Exception {
        Data d = new Data();
        Impl impl = impl(name, d);
        Impl plain = impl("plain", d);
        double[] refZ1 = new double[Data.H * Data.M];
        double[] refDw1 = new double[Data.H * Data.N];
        plain.z1(d, refZ1);
        plain.dw1(d, refDw1);
        // |A|·|B|: the scale of the rounding-error bound k·u·(|A|·|B|) a correct product satisfies
        double[] absZ1 = new double[refZ1.length];
        double[] absDw1 = new double[refDw1.length];
        PlainKernels.multiplyByRowUpdates(Data.abs(d.w1), Data.abs(d.x), absZ1, Data.H, Data.N, Data.M);
        PlainKernels.multiplyByRowUpdates(Data.abs(d.dz1), Data.abs(d.xT), absDw1, Data.H, Data.M, Data.N);
        double[] z1 = new double[refZ1.length];
        double[] dw1 = new double[refDw1.length];
        info("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        info("load.before", loadAverage());
        time(name, "Z1=W1*X", () -> impl.z1(d, z1), seconds, z1, refZ1, absZ1, Data.N);
        time(name, "dW1=dZ1*XT", () -> impl.dw1(d, dw1), seconds, dw1, refDw1, absDw1, Data.M);
        time(name, "pair", () -> {
            impl.z1(d, z1);
            impl.dw1(d, dw1);
        }, seconds, null, null, null, 0);
        info("load.after", loadAverage());
    }

    static void time(String name, String product, Runnable r, double seconds, double[] out, double[] ref, double[] abs,
            int k) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int warm = 0;
        while (warm < 20 || System.nanoTime() < warmEnd) { // the JIT compiles the kernels here
            r.run();
            warm++;
        }
        double[] t = new double[4000];
        int reps = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (reps < t.length && (reps < 30 || System.nanoTime() < end)) {
            long t0 = System.nanoTime();
            r.run();
            t[reps++] = (System.nanoTime() - t0) / 1e6;
        }
        double[] s = Arrays.copyOf(t, reps);
        Arrays.sort(s);
        double diff = 0;
        double bound = 0;
        boolean ok = true;
        if (out != null) {
            double u = Math.ulp(1.0) / 2;
            for (int i = 0; i < out.length; i++) {
                double e = Math.abs(out[i] - ref[i]);
                diff = Math.max(diff, e);
                // both the tested and the plain product may err by up to k·u·(|A||B|) (first-order bound)
                double b = 2 * k * u * abs[i];
                bound = Math.max(bound, b);
                ok &= e <= b && !Double.isNaN(out[i]);
            }
        }
        System.out.printf("RESULT %s %s %.4f %.4f %.4f %d %.3e %.3e %s%n", name, product, s[reps / 2], s[0],
                s[(int) (reps * 0.9)], reps, diff, bound, out == null ? "-" : ok ? "ok" : "WRONG");
        System.out.flush();
    }

    static void reference(Path dir) throws IOException {
        Data d = new Data();
        double[] z1 = new double[Data.H * Data.M];
        double[] dw1 = new double[Data.H * Data.N];
        PlainKernels.multiplyByRowUpdates(d.w1, d.x, z1, Data.H, Data.N, Data.M);
        PlainKernels.multiplyByRowUpdates(d.dz1, d.xT, dw1, Data.H, Data.M, Data.N);
        Files.createDirectories(dir);
        write(dir.resolve("z1.f8"), z1);
        write(dir.resolve("dw1.f8"), dw1);
        write(dir.resolve("x-head.f8"), Arrays.copyOf(d.x, 16)); // so the numpy side can check its X
    }

    static void write(Path p, double[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(p))) {
            o.write(b.array());
        }
    }

    /**
     * STREAM-like bandwidth: "sum" reads a double[] (with the Vector API when it is available: four
     * vector accumulators, so the loop is bound by loads, not by the latency of additions; else eight
     * scalar partial sums, which cannot quite saturate a cache level: C2 in Java 17 does not vectorize this
     * reduction) and "triad" a[i] = b[i] + s·c[i] (counted as
     * 24 bytes per element, STREAM's convention, which ignores the write-allocate read of a). Each of
     * the threads works on its own arrays of MB each (so MB · threads per array in total) and times
     * itself; a round lasts from the first thread's start to the last one's end.
     */
    static void stream(int mb, int threads) throws Exception {
        final int per = (int) ((long) mb * 1024 * 1024 / 8);
        final double[][] as = new double[threads][];
        final double[][] bs = new double[threads][];
        final double[][] cs = new double[threads][];
        for (int t = 0; t < threads; t++) {
            as[t] = new double[per];
            bs[t] = new double[per];
            cs[t] = new double[per];
            Arrays.fill(bs[t], 1.0);
            Arrays.fill(cs[t], 2.0);
        }
        info("load.before", loadAverage());
        info("stream.sum", VectorSupport.AVAILABLE ? "Vector API " + VectorKernels.S : "scalar, 8 partial sums");
        for (String kernel : new String[] {"sum", "triad"}) {
            final long bytesPerRep = (long) per * threads * (kernel.equals("sum") ? 8 : 24);
            final int total = 3 + (int) Math.max(5, Math.min(300, 20L * 1024 * 1024 * 1024 / bytesPerRep));
            final long[][] t0 = new long[threads][total];
            final long[][] t1 = new long[threads][total];
            final long[] sink = new long[threads];
            final CyclicBarrier start = new CyclicBarrier(threads);
            Thread[] ws = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                final int id = t;
                ws[t] = new Thread(() -> {
                    try {
                        for (int rep = 0; rep < total; rep++) {
                            start.await();
                            t0[id][rep] = System.nanoTime();
                            if (kernel.equals("sum")) {
                                sink[id] += (long) sum(bs[id]);
                            } else {
                                triad(as[id], bs[id], cs[id], 0.5);
                            }
                            t1[id][rep] = System.nanoTime();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                ws[t].start();
            }
            for (Thread w : ws) {
                w.join();
            }
            double[] s = new double[total - 3]; // 3 warm-up rounds
            for (int rep = 3; rep < total; rep++) {
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                for (int t = 0; t < threads; t++) {
                    first = Math.min(first, t0[t][rep]);
                    last = Math.max(last, t1[t][rep]);
                }
                s[rep - 3] = bytesPerRep / ((last - first) / 1e9) / 1e9;
            }
            Arrays.sort(s);
            System.out.printf("STREAM %s %d %d %.2f %.2f%n", kernel, mb, threads, s[s.length / 2], s[s.length - 1]);
            if (sink[0] == 42) {
                System.out.println();
            }
        }
        info("load.after", loadAverage());
    }

    static double sum(double[] a) {
        if (VectorSupport.AVAILABLE) {
            return VectorKernels.sum(a);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < a.length; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < a.length; i++) {
            s0 += a[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static void triad(double[] a, double[] b, double[] c, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /** fp64 peak through bytedeco's OpenBLAS: a square dgemm, 2N³ flops, on however many threads it is told. */
    static void peak(int n) {
        openblasInfo();
        DoublePointer a = new DoublePointer(Data.fill(n * n, 5, 1.0, -0.5));
        DoublePointer b = new DoublePointer(Data.fill(n * n, 6, 1.0, -0.5));
        DoublePointer c = new DoublePointer((long) n * n);
        double[] g = new double[7];
        for (int rep = 0; rep < g.length + 2; rep++) {
            long t0 = System.nanoTime();
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                    openblas_nolapack.CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
            double secs = (System.nanoTime() - t0) / 1e9;
            if (rep >= 2) {
                g[rep - 2] = 2.0 * n * n * n / secs / 1e9;
            }
        }
        Arrays.sort(g);
        System.out.printf("PEAK %d %.2f %.2f%n", n, g[g.length / 2], g[g.length - 1]);
    }

    static void info(String key, Object value) {
        System.out.println("INFO " + key + " " + value);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
